#!/usr/bin/env bash
# Searches never fail while an indexer commits: a writer replaces articles with a
# commit every 5 changes, round after round, while batches (one long-lived database handle
# per worker) and single searches run against the same index. Xapian reports a reader whose
# revision the writer has overwritten with DatabaseModifiedError; the searcher must reopen
# and retry, so every search exits 0 with a complete answer. ROUNDS (default 8) rounds of
# 300 replacements: sanitizer builds, 5-10x slower, pass fewer.
set -euo pipefail
index=$1
search=$2
rounds=${3:-8}
work=$(mktemp -d)
# On the way out, the writer's running indexer is stopped and waited for before its index is
# removed: otherwise it reports the vanished index as its own failure.
stop_writer() {
  [ -n "${writer:-}" ] || return 0
  local running
  running=$(pgrep -P "$writer" || true)  # the round's indexer; the loop first, so none starts after
  kill "$writer" 2>/dev/null || true
  [ -z "$running" ] || kill $running 2>/dev/null || true
  wait "$writer" 2>/dev/null || true
  while [ -n "$running" ] && kill -0 $running 2>/dev/null; do sleep 0.1; done
}
trap 'stop_writer; rm -rf "$work"' EXIT

articles() { # ROUND: 1,000 articles, the first 300 reworded each round
  for i in $(seq 1 1000); do
    if [ "$i" -le 300 ]; then w="round $1 ceasefire monitoring"; else w="sanctions relief and reconstruction"; fi
    printf '{"id":"a%d","title":"Report %d","body":"report %d: %s talks in Berlin with envoys"}\n' "$i" "$i" "$i" "$w"
  done
}
articles 0 > "$work/round.jsonl"
"$index" --quiet --db "$work/db" "$work/round.jsonl"

(
  for round in $(seq 1 "$rounds"); do
    articles "$round" > "$work/next.jsonl"
    "$index" --quiet --db "$work/db" --commit-interval 5 "$work/next.jsonl"
  done
) &
writer=$!

for i in $(seq 1 200); do printf 'q%d\t%s\n' "$i" "$(case $((i % 4)) in 0) echo ceasefire;; 1) echo 'talks Berlin';; 2) echo 'sanctions OR monitoring';; *) echo '*';; esac)"; done > "$work/queries.tsv"
# The searches run niced: they still overlap every commit, but cannot starve the writer of CPU
# (on 2 cores, two batch workers otherwise stretched each round several times over).
searches=0
while kill -0 "$writer" 2>/dev/null; do
  nice -n 10 "$search" --db "$work/db" --batch "$work/queries.tsv" --format=jsonl --jobs=2 --facets=source --limit=20 > "$work/out" ||
    { echo "a batch failed while the index was being written" >&2; exit 1; }
  [ "$(wc -l < "$work/out")" -eq 200 ] || { echo "a batch answered $(wc -l < "$work/out") of 200 queries" >&2; exit 1; }
  ! grep -q '"error"' "$work/out" || { echo "a query failed:" >&2; grep '"error"' "$work/out" | head -3 >&2; exit 1; }
  n=$(nice -n 10 "$search" --db "$work/db" --count '*') || { echo "a single search failed" >&2; exit 1; }
  [ "$n" -eq 1000 ] || { echo "the index showed $n articles, not 1000" >&2; exit 1; }
  searches=$((searches + 201))
done
wait "$writer"
echo "ok: $searches searches while $rounds rounds of 300 replacements were committed every 5 changes"
