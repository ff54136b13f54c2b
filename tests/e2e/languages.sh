#!/usr/bin/env bash
# Languages (docs/reference.md, "Text and languages"), with the real binaries on
# tests/data/languages/articles.jsonl (one article per language, most without a language):
#  - detection stores the language (language:ru, JSON "language"), the input's wins;
#  - each article found by a keyword of its language, Russian by an inflected name, Chinese
#    by a two-character word, French by an accent-free form; English rankings unchanged;
#  - --language (and 'language =' in [search]) restricts the analysis and the results;
#  - JSON snippets of Arabic and Chinese articles are exact spans of their text, with
#    highlights on whole characters; "belem" highlights "Belém";
#  - an index of schema version 6 is refused with how to rebuild it.
#   languages.sh INDEX_BIN SEARCH_BIN DATA_DIR
set -euo pipefail
index=$1
search=$2
data=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/config"
unset DIPNEWS_DB DIPNEWS_CONFIG
mkdir -p "$HOME" "$XDG_CONFIG_HOME/dipnews"
fail() { echo "FAIL: $*" >&2; exit 1; }

db=$work/index.db
"$index" --quiet --db "$db" "$data/articles.jsonl"
ids() { "$search" --no-config --db "$db" --format=ids --no-collapse --sort=oldest --limit=100 "$@" | sort | tr '\n' ' '; }
expect() { # EXPECTED QUERY [OPTIONS...]
  local want=$1; shift
  local got; got=$(ids "$@")
  [ "$got" = "$want" ] || fail "$* found '$got', expected '$want'"
}

# Detected languages, stored and searched like given ones.
for l in ru uk de es ar zh en; do
  count=$("$search" --no-config --db "$db" --count "language:$l")
  [ "$l" = en ] && want=2 || want=1
  [ "$count" = "$want" ] || fail "language:$l counts $count, expected $want"
done
expect "fr-belem " 'language:fr'
lang=$("$search" --no-config --db "$db" --format=json 'id:ru-geneva' | python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["language"])')
[ "$lang" = ru ] || fail "JSON language of ru-geneva: $lang"

# A keyword of each language, inflected forms, accents, CJK.
expect "ru-geneva " 'Лаврова'
expect "ru-geneva uk-geneva " 'переговорах'  # one word in both languages
expect "uk-geneva " 'полонених'  # Ukrainian, by the Russian stemmer
expect "de-genf " 'Waffenstillstandes'
expect "es-ginebra " 'conversación'
expect "ar-geneva " 'المحادثات'
expect "zh-geneva " '停火'
expect "zh-geneva " '战俘'
expect "fr-belem " 'belem'
expect "en-elysee fr-belem " 'Élysée'
expect "en-geneva " 'ceasefire'

# --language: the analyses and the articles of the languages named.
expect "ru-geneva uk-geneva " 'Женеві OR Женеву OR Genf OR Geneva' --language=ru,uk
expect "de-genf " 'Genf OR Geneva' --language=de
expect "" 'Женеву' --language=en
printf '[search]\nlanguage = uk\n' >"$work/dipnews.conf"
got=$("$search" --config "$work/dipnews.conf" --db "$db" --format=ids 'Женеві OR Женеву')
[ "$got" = uk-geneva ] || fail "language = uk in [search] found '$got'"
status=0
"$search" --no-config --db "$db" --language=russian ceasefire >/dev/null 2>"$work/err" || status=$?
[ "$status" = 2 ] || fail "--language=russian exited $status, expected 2 (usage)"
grep -q "not a language code" "$work/err" || fail "--language=russian: $(cat "$work/err")"

# Snippets: exact spans of the article's own text, highlights on whole characters.
check_snippet() { # QUERY ID WORD
  "$search" --no-config --db "$db" --format=json "$1" | python3 -c '
import json, sys
want_id, word, path = sys.argv[1], sys.argv[2], sys.argv[3]
hit = json.load(sys.stdin)["hits"][0]
assert hit["id"] == want_id, hit["id"]
body = next(json.loads(l)["body"] for l in open(path, encoding="utf-8") if json.loads(l)["id"] == want_id)
text = hit["snippet"].strip("…")
assert text in " ".join(body.split()), (text, body)
marked = [hit["snippet"][b:e] for b, e in hit["highlights"]]
assert word in marked, (word, marked)
' "$2" "$3" "$data/articles.jsonl" || fail "snippet of $2 for $1"
}
check_snippet 'المحادثات' ar-geneva 'المحادثات'
check_snippet '停火' zh-geneva '停火'
check_snippet 'belem' fr-belem 'Belém'
check_snippet 'Лаврова' ru-geneva 'Лавров'

# An index of the schema before languages is refused, saying how to rebuild it.
xapian-metadata set "$db" dipnews:schema_version 6 2>/dev/null || exit 0  # without xapian-tools: done
status=0
"$search" --no-config --db "$db" ceasefire >/dev/null 2>"$work/err" || status=$?
[ "$status" = 1 ] || fail "a version 6 index: exit $status"
grep -q "schema version 6.*rebuild it with dipnews-index" "$work/err" || fail "version 6 message: $(cat "$work/err")"
[ "$(wc -l <"$work/err")" = 1 ] || fail "version 6 message is not one line: $(cat "$work/err")"
echo "languages: ok"
