#!/usr/bin/env bash
# Runs that can be repeated: indexing the same folder again does not report, nor
# fail on, the bad articles a run before reported for files unchanged since; it counts them
# in its summary. A file that changed is reported afresh, and so is anything under --strict.
set -euo pipefail
index=$1
search=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
fail() { echo "FAIL: $*" >&2; exit 1; }

printf '{"id":"a1","title":"Talks in Berlin","body":"Envoys met in Berlin."}\n' > "$work/in/good.jsonl"
{
  printf '{"id":"b1","title":"Ceasefire","body":"A ceasefire was agreed."}\n'
  printf '{"id":"b2","title":"Broken\n'
  printf '{"id":"b3","title":"No body"}\n'
} > "$work/in/bad.jsonl"

run() { # exit code, stderr in $work/err
  set +e
  "$index" --db "$work/db" "$@" "$work/in" 2> "$work/err"
  code=$?
  set -e
}

run
[ "$code" -eq 1 ] || fail "first run: exit $code, not 1"
[ "$(grep -c 'bad.jsonl:[23]: error' "$work/err")" -eq 2 ] || fail "first run: the two bad articles not reported: $(cat "$work/err")"
grep -q "2 skipped with errors;" "$work/err" || fail "first run summary: $(tail -1 "$work/err")"

run
[ "$code" -eq 0 ] || fail "second run over unchanged files: exit $code, not 0: $(cat "$work/err")"
! grep -q ': error:' "$work/err" || fail "second run reported again: $(cat "$work/err")"
grep -q "0 skipped with errors, 2 skipped as reported before;" "$work/err" || fail "second run summary: $(tail -1 "$work/err")"
[ "$("$search" --db "$work/db" --count '*')" -eq 2 ] || fail "the good articles are not all indexed"

run --strict
[ "$code" -eq 1 ] || fail "--strict over a folder with bad articles: exit $code, not 1"
grep -q 'bad.jsonl:2: error' "$work/err" || fail "--strict did not report: $(cat "$work/err")"

# A new bad article: the changed file's problems are all reported again.
printf '{"id":"b4","title":"Also broken"\n' >> "$work/in/bad.jsonl"
run
[ "$code" -eq 1 ] || fail "after a new bad article: exit $code, not 1"
[ "$(grep -c 'bad.jsonl:[234]: error' "$work/err")" -eq 3 ] || fail "the changed file was not reported in full: $(cat "$work/err")"
run
[ "$code" -eq 0 ] || fail "the changed file again, unchanged since: exit $code"
grep -q "3 skipped as reported before" "$work/err" || fail "summary: $(tail -1 "$work/err")"

# touch: the same content, but a new modification time, is a changed file (as make sees it).
touch -d '+1 minute' "$work/in/bad.jsonl"
run
[ "$code" -eq 1 ] || fail "a touched file: exit $code, not 1"

# Fixed: nothing to report, and its record goes; a bad line put back later is reported.
printf '{"id":"b1","title":"Ceasefire","body":"A ceasefire was agreed."}\n' > "$work/in/bad.jsonl"
run
[ "$code" -eq 0 ] || fail "the fixed file: exit $code: $(cat "$work/err")"
! grep -q "reported before" "$work/err" || fail "the fixed file still counted as before: $(tail -1 "$work/err")"
printf '{"id":"b2","title":"Broken\n' >> "$work/in/bad.jsonl"
run
[ "$code" -eq 1 ] || fail "a bad line put back: exit $code, not 1"
echo "ok: unchanged files' bad articles are skipped quietly; changed files, --strict and touched files are reported"
