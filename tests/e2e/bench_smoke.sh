#!/usr/bin/env bash
# The benchmarks must keep working: run scripts/bench/search, index, writer-floor, scaling and story-update on a tiny
# synthetic corpus with this build (figures meaningless at this size; only the tables count).
set -euo pipefail
root=$1
build=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export BUILD_DIR="$build" BENCH_WORK="$work" BENCH_ANY_BUILD=1 MIN_QUERIES=20 LATENCY_QUERIES=5
"$root/scripts/bench/search" 200 20 > "$work/search.out" 2> "$work/search.err" ||
  { cat "$work/search.err" >&2; exit 1; }
grep -q 'dipnews --jobs=1' "$work/search.out" && grep -q 'xapian-batch (peer)' "$work/search.out" ||
  { echo "no search table:" >&2; cat "$work/search.out" >&2; exit 1; }
"$root/scripts/bench/index" 200 > "$work/index.out" 2> "$work/index.err" || { cat "$work/index.err" >&2; exit 1; }
grep -q 'dipnews --jobs=1' "$work/index.out" && grep -q 'sqlite-fts5' "$work/index.out" ||
  { echo "no index table:" >&2; cat "$work/index.out" >&2; exit 1; }
"$root/scripts/bench/writer-floor" 200 > "$work/floor.out" 2> "$work/floor.err" || { cat "$work/floor.err" >&2; exit 1; }
grep -q 'xapian-alone-2-writers' "$work/floor.out" && grep -q 'scriptindex+compact' "$work/floor.out" ||
  { echo "no writer-floor table:" >&2; cat "$work/floor.out" >&2; exit 1; }
"$root/scripts/bench/scaling" 150 300 > "$work/scaling.out" 2> "$work/scaling.err" ||
  { cat "$work/scaling.err" >&2; exit 1; }
[ "$(grep -cE '^ +(150|300) ' "$work/scaling.out")" -eq 2 ] && grep -q 'add 1,000' "$work/scaling.out" ||
  { echo "no scaling table:" >&2; cat "$work/scaling.out" >&2; exit 1; }
"$root/scripts/bench/story-update" 20 40 > "$work/story.out" 2> "$work/story.err" || { cat "$work/story.err" >&2; exit 1; }
# Each size's copies are one story before the update and one after it.
[ "$(grep -cE '^ +(20|40) .* 1$' "$work/story.out")" -eq 2 ] ||
  { echo "no story-update table, or the update is not one story:" >&2; cat "$work/story.out" >&2; exit 1; }
echo "ok: the five benchmark tables printed"
