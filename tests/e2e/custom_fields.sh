#!/usr/bin/env bash
# The user's own fields (docs/reference.md, "Your own fields"), with the real binaries:
#  - declared on the command line (--field NAME, --field NAME=KEY) and in the config file;
#  - read from JSONL (a string, a number, an array), a text header and an HTML <meta>;
#  - a filter matched like source: (case, accents, punctuation ignored; one field ORs,
#    two fields AND), a facet (with "(none)"), and a column in text, json, jsonl, tsv, csv
#    and a csv batch; the searcher knows the fields from the index alone;
#  - refused: a built-in name, a bad name, a run that drops a recorded field (exit 2), an
#    over-long value (an error for its article); a run with no --field keeps the recorded ones.
#   custom_fields.sh INDEX_BIN SEARCH_BIN
set -euo pipefail
index=$1
search=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/config"
unset DIPNEWS_DB DIPNEWS_CONFIG
mkdir -p "$HOME" "$XDG_CONFIG_HOME/dipnews" "$work/in"
fail() { echo "FAIL: $*" >&2; exit 1; }
run() { status=0; "$@" >"$work/out" 2>"$work/err" || status=$?; }

cat >"$work/in/speeches.jsonl" <<'EOF'
{"id":"s1","title":"Climate first","date":"2019-09-25","speaker":"Wang Yi","country_iso3":"CHN","session":74,"body":"The minister spoke about climate finance."}
{"id":"s2","title":"Climate and security","date":"2023-09-25","speaker":"Han Zheng","country_iso3":"CHN","session":78,"body":"The vice president spoke about climate and security."}
{"id":"s3","title":"Adaptation","date":"2023-09-25","speaker":["William Ruto","Second Speaker"],"country_iso3":"KEN","session":78,"body":"The president spoke about climate adaptation."}
{"id":"s4","title":"No speaker","date":"2023-09-25","country_iso3":"FRA","body":"A statement about climate and biodiversity."}
EOF
printf 'Title: Header speech\nSpeaker: Élise Dupont\nDate: 2023-09-26\n\nA text file speech about climate.\n' >"$work/in/header.txt"
cat >"$work/in/page.html" <<'EOF'
<!doctype html><html lang="en"><head><title>Page speech</title>
<meta name="Speaker" content="Page  Speaker"><meta property="country_iso3" content="BRA"></head>
<body><article><h1>Page speech</h1><p>A saved page about climate and forests, long enough to count as article text.</p></article></body></html>
EOF

# --- declared on the command line; the searcher is never told ---
db=$work/cli.db
"$index" --quiet --db "$db" --field speaker --field iso3=country_iso3 --field session "$work/in"
ids() { "$search" --db "$db" --format=ids --no-collapse --sort=oldest --limit=100 "$@" | tr '\n' ' '; }
[ "$(ids 'speaker:"Wang Yi"')" = "s1 " ] || fail "speaker:\"Wang Yi\": $(ids 'speaker:"Wang Yi"')"
[ "$(ids 'speaker:WANG-YI')" = "s1 " ] || fail "case and punctuation are not ignored"
[ "$(ids 'speaker:"elise dupont"')" = "header " ] || fail "text header, accents: $(ids 'speaker:"elise dupont"')"
[ "$(ids 'speaker:"page speaker"')" = "page " ] || fail "HTML meta: $(ids 'speaker:"page speaker"')"
[ "$(ids 'iso3:bra')" = "page " ] || fail "HTML meta property=: $(ids iso3:bra)"
[ "$(ids 'speaker:"Second Speaker"')" = "s3 " ] || fail "a JSONL array gives several values"
[ "$(ids 'session:78')" = "s2 s3 " ] || fail "a JSONL number is a value: $(ids session:78)"
[ "$(ids 'speaker:wang')" = "" ] || fail "a part of a value matched: the match must be exact"
[ "$(ids 'iso3:chn iso3:ken')" = "s1 s2 s3 " ] || fail "one field's values OR: $(ids 'iso3:chn iso3:ken')"
[ "$(ids 'iso3:chn session:78')" = "s2 " ] || fail "two fields AND: $(ids 'iso3:chn session:78')"
[ "$(ids 'Speaker:"Han Zheng" climate')" = "s2 " ] || fail "a field name in capitals, with words"
run "$search" --db "$db" 'spaeker:wang'
[ "$status" -eq 2 ] || fail "an unknown field exits $status"
grep -q "unknown field 'spaeker:'.*speaker:, iso3:, session:" "$work/err" || fail "the unknown field's message: $(cat "$work/err")"

# Facets: counted by value as written, the articles without one as (none).
"$search" --db "$db" --format=json --no-collapse --facets=iso3,speaker climate >"$work/facets.json"
grep -q '"iso3":\[{"id":"CHN","name":"CHN","count":2},{"id":"BRA","name":"BRA","count":1},{"id":"FRA","name":"FRA","count":1},{"id":"KEN","name":"KEN","count":1},{"id":null,"name":"(none)","count":1}\]' "$work/facets.json" ||
  fail "iso3 facet: $(cat "$work/facets.json")"
grep -q '"speaker":\[.*{"id":"Wang Yi","name":"Wang Yi","count":1}.*{"id":null,"name":"(none)","count":1}\]' "$work/facets.json" ||
  fail "speaker facet: $(cat "$work/facets.json")"
"$search" --db "$db" --facets=speaker climate | grep -q 'Wang Yi' || fail "text facets lack the field's values"
run "$search" --db "$db" --facets=speakr climate
[ "$status" -eq 2 ] && grep -q "unknown field 'speakr'.*speaker, iso3, session" "$work/err" || fail "--facets=speakr: $status $(cat "$work/err")"

# Columns in every format.
"$search" --db "$db" 'id:s3' | grep -q 'speaker: William Ruto; Second Speaker · iso3: KEN · session: 78' ||
  fail "text output lacks the fields line: $("$search" --db "$db" id:s3)"
"$search" --db "$db" --format=json 'id:s1' |
  grep -q '"fields":{"speaker":\["Wang Yi"\],"iso3":\["CHN"\],"session":\["74"\]}' || fail "json fields"
"$search" --db "$db" --format=jsonl 'id:s4' | grep -q '"fields":{"speaker":\[\],"iso3":\["FRA"\],"session":\[\]}' ||
  fail "jsonl fields of an article without some"
tsv=$("$search" --db "$db" --format=tsv 'id:s3')
[ "$(printf '%s' "$tsv" | cut -f10-12)" = "$(printf 'William Ruto; Second Speaker\tKEN\t78')" ] || fail "tsv columns: $tsv"
csv=$("$search" --db "$db" --format=csv 'id:s1' | tr -d '\r')
[ "$(printf '%s\n' "$csv" | head -1)" = "rank,id,score,date,source,title,url,actors,topics,speaker,iso3,session" ] ||
  fail "csv header: $csv"
printf '%s\n' "$csv" | tail -1 | grep -q ',Wang Yi,CHN,74$' || fail "csv row: $csv"
printf 'q1\tspeaker:"han zheng"\n' | "$search" --db "$db" --batch - --format=csv | tr -d '\r' >"$work/batch.csv"
head -1 "$work/batch.csv" | grep -q ',topics,speaker,iso3,session$' || fail "csv batch header: $(cat "$work/batch.csv")"
grep -q '^q1,1,s2,.*,Han Zheng,CHN,78$' "$work/batch.csv" || fail "csv batch row: $(cat "$work/batch.csv")"

# --- refusals ---
run "$index" --db "$work/x.db" --field country=country_iso3 "$work/in"
[ "$status" -eq 2 ] && grep -q "field name 'country' is a built-in field's" "$work/err" || fail "built-in name: $status $(cat "$work/err")"
run "$index" --db "$work/x.db" --field Speaker "$work/in"
[ "$status" -eq 2 ] && grep -q "field name 'Speaker' is not one" "$work/err" || fail "bad name: $status $(cat "$work/err")"
[ ! -e "$work/x.db" ] || fail "a refused run created an index"
printf '{"id":"s5","speaker":"Someone","body":"More on climate."}\n' >"$work/s5.jsonl"
run "$index" --db "$db" --field speaker "$work/s5.jsonl"
[ "$status" -eq 2 ] || fail "a run dropping recorded fields exits $status"
grep -q "built with the fields iso3=country_iso3, session" "$work/err" || fail "the dropped fields are not named: $(cat "$work/err")"
[ "$(ids 'id:s5')" = "" ] || fail "the refused run indexed"
# No declaration: the recorded fields are read.
"$index" --quiet --db "$db" "$work/s5.jsonl"
[ "$(ids 'speaker:someone')" = "s5 " ] || fail "a run without --field did not use the recorded fields"
# A new field is added; re-indexing gives it to the articles that have it (they are replaced).
"$index" --db "$db" --field speaker --field iso3=country_iso3 --field session --field title_again=title \
  "$work/in/speeches.jsonl" 2>"$work/err"
grep -q '0 added, 4 replaced' "$work/err" || fail "articles gaining a field are not replaced: $(cat "$work/err")"
[ "$(ids 'title_again:"climate first"')" = "s1 " ] || fail "a field added later"
# An over-long value is an error for its article only.
printf '{"id":"long","speaker":"%s","body":"x"}\n{"id":"short","speaker":"ok","body":"y"}\n' "$(head -c 2000 /dev/zero | tr '\0' a)" >"$work/long.jsonl"
run "$index" --db "$db" "$work/long.jsonl"
[ "$status" -eq 1 ] && grep -q "long.jsonl:1: error: field 'speaker': a value of 2000 bytes" "$work/err" ||
  fail "over-long value: $status $(cat "$work/err")"
[ "$(ids 'speaker:ok')" = "short " ] || fail "the article after an over-long value was lost"

# --- declared in the config file ---
printf '[index]\nfield = speaker\nfield = iso3 = country_iso3\n' >"$XDG_CONFIG_HOME/dipnews/config"
"$index" --quiet --db "$work/config.db" "$work/in/speeches.jsonl"
[ "$("$search" --db "$work/config.db" --format=ids 'iso3:ken speaker:"william ruto"')" = "s3" ] || fail "fields from the config file"
"$search" --db "$work/config.db" --format=csv --limit 1 climate | head -1 | tr -d '\r' | grep -q ',topics,speaker,iso3$' ||
  fail "config-declared fields are not columns"
printf '[index]\nfield = bad-name\n' >"$XDG_CONFIG_HOME/dipnews/config"
run "$index" --db "$work/config2.db" "$work/in/speeches.jsonl"
[ "$status" -eq 2 ] || fail "a bad name in the config file exits $status"
grep -q "bad-name" "$work/err" || fail "the config file's bad name is not named: $(cat "$work/err")"
echo "custom fields: ok"
