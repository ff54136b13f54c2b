#!/usr/bin/env bash
# Kill -9 at random moments, 20 times, during one large run: every time,
# the index opens, xapian-check finds no error, and it holds exactly the articles of a commit
# (a multiple of the commit interval, never fewer than before); running the same command
# again skips what is there and, at the end, completes the job.
set -euo pipefail
# --jobs=1: the direct path, where every commit is in the index at once (a parallel run
# commits into parts merged at its end: tests/e2e/parallel_kills.sh).
index=$1
search=$2
runs=${RANDOM_KILLS:-20}
command -v xapian-check >/dev/null || { echo "xapian-check not found (Debian package xapian-tools; scripts/setup installs it)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

total=4000
interval=250
for i in $(seq 1 "$total"); do
  printf '{"id":"a%d","title":"Report %d","body":"report %d on ceasefire talks in Berlin with envoys from Kyiv and Moscow; monitoring and guarantees discussed at length"}\n' "$i" "$i" "$i"
done > "$work/articles.jsonl"

count() { "$search" --db "$work/db" --count '*' 2>/dev/null || echo 0; }
previous=0
for run in $(seq 1 "$runs"); do
  "$index" --quiet --jobs=1 --db "$work/db" --commit-interval "$interval" "$work/articles.jsonl" &
  pid=$!
  sleep "0.$(printf '%03d' $((RANDOM % 600 + 20)))"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -d "$work/db" ] || continue  # killed before it created the index
  xapian-check "$work/db" > "$work/check" 2>&1 || { echo "run $run: xapian-check failed:" >&2; cat "$work/check" >&2; exit 1; }
  n=$(count)
  [ $((n % interval)) -eq 0 ] || [ "$n" -eq "$total" ] ||
    { echo "run $run: $n articles is not a commit boundary (every $interval)" >&2; exit 1; }
  [ "$n" -ge "$previous" ] || { echo "run $run: $n articles, fewer than the $previous before" >&2; exit 1; }
  echo "run $run: killed with $n articles committed"
  previous=$n
done
"$index" --quiet --db "$work/db" --commit-interval "$interval" "$work/articles.jsonl"
[ "$(count)" -eq "$total" ] || { echo "the final run left $(count) of $total articles" >&2; exit 1; }
xapian-check "$work/db" >/dev/null
echo "ok: $runs kills, each left a committed, checked index; the last run completed $total articles"
