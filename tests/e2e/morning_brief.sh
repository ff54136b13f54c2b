#!/usr/bin/env bash
# scripts/examples/morning-brief on the bundled corpus: a CSV with every hit led by its
# query id, a text summary, and pairs that really pair (both actors in every article).
set -euo pipefail
index=$1
search=$2
root=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$index" --quiet --db "$work/db" "$root/corpus/articles"
DIPNEWS_SEARCH="$search" "$root/scripts/examples/morning-brief" --db "$work/db" --since 2025-12-01 --out "$work/out" > "$work/stdout"

csv="$work/out/brief.csv"
head -1 "$csv" | grep -q '^qid,rank,id,score,date,source,title,url,actors,topics' || { echo "bad CSV header" >&2; exit 1; }
qids=$(tail -n +2 "$csv" | cut -d, -f1 | sort -u | wc -l)
[ "$qids" -ge 5 ] || { echo "only $qids queries have hits" >&2; exit 1; }
grep -q '^trump-putin,' "$csv" || { echo "no trump-putin rows" >&2; exit 1; }
if grep '^trump-putin,' "$csv" | grep -v 'donald-trump' | grep -q . ||
   grep '^trump-putin,' "$csv" | grep -v 'vladimir-putin' | grep -q .; then
  echo "a trump-putin row lacks one of the pair" >&2; exit 1
fi
# Nothing before --since (the date is the 5th column, before any free text).
tail -n +2 "$csv" | awk -F, '{ print $1, $5 }' | awk '$2 < "2025-12-01" { bad = 1 } END { exit bad }' ||
  { echo "an article older than --since" >&2; exit 1; }
grep -q '^## trump-putin: actor:trump AND actor:putin' "$work/stdout" || { echo "no summary for trump-putin" >&2; exit 1; }
cmp -s "$work/stdout" "$work/out/brief.txt" || { echo "printed summary differs from brief.txt" >&2; exit 1; }
echo "ok: $qids queries, $(($(wc -l < "$csv") - 1)) rows"
