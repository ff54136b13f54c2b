#!/usr/bin/env bash
# scripts/examples/morning-brief on the bundled corpus: a CSV with every hit led by its
# saved search's name, a text summary, pairs that really pair (both actors in every article),
# --since with a relative date, and --new: a second brief has nothing new (exit 3), a third
# after indexing one more article shows only it. In a scratch HOME and XDG_STATE_HOME.
set -euo pipefail
index=$1
search=$2
root=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config" DIPNEWS_SEARCH="$search"
unset DIPNEWS_SAVED_SEARCHES DIPNEWS_NOW
brief="$root/scripts/examples/morning-brief"

"$index" --quiet --db "$work/db" "$root/corpus/articles"
"$brief" --db "$work/db" --since 2025-12-01 --out "$work/out" > "$work/stdout"

csv="$work/out/brief.csv"
head -1 "$csv" | grep -q '^qid,rank,id,score,date,source,title,url,actors,topics' || { echo "bad CSV header" >&2; exit 1; }
qids=$(tail -n +2 "$csv" | cut -d, -f1 | sort -u | wc -l)
[ "$qids" -ge 5 ] || { echo "only $qids queries have hits" >&2; exit 1; }
grep -q '^trump-putin,' "$csv" || { echo "no trump-putin rows" >&2; exit 1; }
if grep '^trump-putin,' "$csv" | grep -v 'donald-trump' | grep -q . ||
   grep '^trump-putin,' "$csv" | grep -v 'vladimir-putin' | grep -q .; then
  echo "a trump-putin row lacks one of the pair" >&2; exit 1
fi
# Every row has the ten columns (fields with commas quoted), each line ends in CRLF.
sed -E 's/"([^"]|"")*"//g' "$csv" | awk -F, 'NF != 10 { bad = 1; print "row " NR " has " NF " fields" } END { exit bad }' >&2 ||
  { echo "a CSV row lost its columns" >&2; exit 1; }
[ "$(grep -vc $'\r$' "$csv")" -eq 0 ] || { echo "a CSV line does not end in CRLF" >&2; exit 1; }
# Nothing before --since (the date is the 5th column, before any free text).
tail -n +2 "$csv" | awk -F, '{ print $1, $5 }' | awk '$2 < "2025-12-01" { bad = 1 } END { exit bad }' ||
  { echo "an article older than --since" >&2; exit 1; }
grep -q '^## trump-putin: actor:trump AND actor:putin' "$work/stdout" || { echo "no summary for trump-putin" >&2; exit 1; }
cmp -s "$work/stdout" "$work/out/brief.txt" || { echo "printed summary differs from brief.txt" >&2; exit 1; }
rows=$(($(wc -l < "$csv") - 1))
# The summary's counts add up to the CSV's rows.
[ "$(awk '/ articles$/ { n += $1 } END { print n }' "$work/stdout")" -eq "$rows" ] ||
  { echo "summary counts do not add up to $rows rows" >&2; exit 1; }

# A relative --since, with "today" fixed: the same brief as the absolute date it stands for.
DIPNEWS_NOW=2025-12-31 "$brief" --db "$work/db" --since 30d --out "$work/relative" > /dev/null
cmp -s "$csv" "$work/relative/brief.csv" || { echo "--since 30d (from 2025-12-31) differs from 2025-12-01" >&2; exit 1; }

# --new: the first brief has everything, the second nothing (exit 3), the third one article.
status=0
"$brief" --db "$work/db" --new --out "$work/new1" > /dev/null || status=$?
[ "$status" -eq 0 ] || { echo "first --new brief: status $status" >&2; exit 1; }
status=0
"$brief" --db "$work/db" --new --out "$work/new2" > /dev/null || status=$?
[ "$status" -eq 3 ] || { echo "second --new brief: status $status, expected 3" >&2; exit 1; }
[ "$(wc -l < "$work/new2/brief.csv")" -eq 1 ] || { echo "second --new brief has rows" >&2; exit 1; }
printf '{"id":"fresh","title":"Trump and Putin speak again","date":"2025-12-30","body":"%s"}\n' \
  "Donald Trump spoke with Vladimir Putin by telephone about the peace plan." | "$index" --quiet --db "$work/db" -
status=0
"$brief" --db "$work/db" --new --out "$work/new3" > /dev/null || status=$?
[ "$status" -eq 0 ] || { echo "third --new brief: status $status" >&2; exit 1; }
[ "$(tail -n +2 "$work/new3/brief.csv" | cut -d, -f1,3 | tr -d '\r' | sort -u | tr '\n' ' ')" = "trump-putin,fresh " ] ||
  { echo "third --new brief: $(cat "$work/new3/brief.csv")" >&2; exit 1; }
echo "ok: $qids searches, $rows rows"
