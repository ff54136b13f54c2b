#!/usr/bin/env bash
# Parallel writers (--jobs 2 on a new index: parts merged at the end, indexer/writing/
# part_merge.h) under kill -9, with parts small enough that each writer closes several and
# begins new ones (--part-size):
#   1. strace kills the run at its Nth rename (commits of the index and the parts, the
#      compactor's, the work directory marked merged) and at the exchange of the merged
#      index with the old (renameat2), for every N: the index still opens (or says it was
#      never completed), and the same command run again ends with exactly every article once
#      and no work directory left;
#   2. kills at random moments of a larger run: each leaves an index that xapian-check
#      passes (or, killed while it was created, one a search says was never completed),
#      never with fewer articles than before (the next run merges the parts a killed
#      run committed), and the last run completes it, each article once.
set -euo pipefail
index=$1
search=$2
command -v xapian-check >/dev/null || { echo "xapian-check not found (Debian package xapian-tools; scripts/setup installs it)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

count() { "$search" --db "$1" --count '*' 2>/dev/null || echo 0; }
no_leftovers() {  # DB: nothing beside it but the index
  local left
  left=$(cd "$(dirname "$1")" && ls -d "$(basename "$1")".* 2>/dev/null || true)
  [ -z "$left" ] || { echo "$2: left beside the index: $left" >&2; exit 1; }
}

for i in $(seq 1 60); do printf '{"id":"s%d","body":"oil talks %d in Vienna"}\n' "$i" "$i"; done >"$work/in.jsonl"
args=(--jobs 2 --commit-interval 10 --part-size 15)
if command -v strace >/dev/null; then
  for syscalls in rename renameat2; do
    for n in $(seq 1 40); do
      db="$work/$syscalls-$n/db"
      mkdir -p "$(dirname "$db")"
      # LeakSanitizer cannot run under ptrace (sanitizer builds): off for the traced run only.
      ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        strace -f -o /dev/null -e inject="$syscalls":signal=KILL:when="$n" "$index" --db "$db" "${args[@]}" \
        "$work/in.jsonl" >/dev/null 2>&1 && break  # finished before its Nth call: every kill point was tried
      if ! out=$("$search" --db "$db" --count '*' 2>&1); then
        case "$out" in
          *"index was never completed"*) ;;
          *) echo "killed at $syscalls $n: the search says: $out" >&2; exit 1 ;;
        esac
      fi
      if ! rerun=$("$index" --db "$db" "${args[@]}" "$work/in.jsonl" 2>&1); then
        echo "killed at $syscalls $n: the next run failed: $rerun" >&2
        exit 1
      fi
      c=$(count "$db")
      [ "$c" -eq 60 ] || { echo "killed at $syscalls $n: $c articles after the re-run, expected 60" >&2; exit 1; }
      no_leftovers "$db" "killed at $syscalls $n"
    done
    echo "every kill point up to $syscalls $n recovered"
  done
else
  echo "strace not installed: the kills at each rename were skipped"
fi

total=3000
for i in $(seq 1 "$total"); do
  printf '{"id":"a%d","title":"Report %d","body":"report %d on ceasefire talks in Berlin with envoys from Kyiv and Moscow"}\n' "$i" "$i" "$i"
done >"$work/articles.jsonl"
db="$work/random/db"
mkdir -p "$work/random"
previous=0
for run in $(seq 1 "${PARALLEL_KILLS:-8}"); do
  "$index" --quiet --db "$db" --jobs 2 --commit-interval 250 --part-size 400 "$work/articles.jsonl" &
  pid=$!
  sleep "0.$(printf '%03d' $((RANDOM % 900 + 50)))"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -d "$db" ] || continue  # killed before it created the index
  if ! xapian-check "$db" >"$work/check" 2>&1; then
    # Killed while creating the index, before its first commit: a search must say so, and
    # only then (no commit yet, so nothing can have been lost).
    out=$("$search" --db "$db" --count '*' 2>&1 || true)
    case "$out" in
      *"index was never completed"*) [ "$previous" -eq 0 ] && { echo "run $run: killed while the index was created"; continue; } ;;
    esac
    echo "run $run: xapian-check failed:" >&2; cat "$work/check" >&2; echo "the search says: $out" >&2
    exit 1
  fi
  n=$(count "$db")
  [ "$n" -ge "$previous" ] && [ "$n" -le "$total" ] ||
    { echo "run $run: $n articles after the kill, $previous before (of $total)" >&2; exit 1; }
  echo "run $run: killed with $n articles in the index"
  previous=$n
done
"$index" --quiet --db "$db" --jobs 2 --commit-interval 250 --part-size 400 "$work/articles.jsonl"
[ "$(count "$db")" -eq "$total" ] || { echo "the final run left $(count "$db") of $total articles" >&2; exit 1; }
xapian-check "$db" >/dev/null
no_leftovers "$db" "the final run"
echo "ok: every kill left a checked index; the last run completed $total articles, each once"
