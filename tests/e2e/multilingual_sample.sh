#!/usr/bin/env bash
# The bundled multilingual sample (corpus/multilingual, seven languages) against what
# tests/data/multilingual-expectations.tsv pins for each article, with the real binaries:
#  - its language, given or detected (language:LANG);
#  - found by a word of its language, and by another form of a word (the language's stemmer);
#  - found by actor: with an English id and with the name as the article writes it
#    (its own script, case form or romanisation), which --actor-info resolves to the same id;
#  - tagged with the actors and topics a careful human tagger gives it (at least those).
#   multilingual_sample.sh INDEX_BIN SEARCH_BIN SOURCE_DIR
set -euo pipefail
index=$1
search=$2
source_dir=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/config"
unset DIPNEWS_DB DIPNEWS_CONFIG
mkdir -p "$HOME"
db=$work/ml.db
"$index" --quiet --db "$db" "$source_dir/corpus/multilingual"

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
finds() {  # finds ID QUERY...: the query's hits include the article
  local id=$1
  shift
  "$search" --db "$db" --format=ids --no-collapse --limit=100 "$@" | grep -qxF "$id"
}
tags_of() {  # the article's actors and topics, one per line
  "$search" --db "$db" --format=json --limit=1 "id:$1" |
    python3 -c 'import json,sys; h=json.load(sys.stdin)["hits"][0]; print("\n".join(h["actors"]+h["topics"]))'
}

articles=0
while IFS=$'\t' read -r id language keyword inflected actors native topics; do
  case $id in '#'* | id | '') continue ;; esac
  articles=$((articles + 1))
  finds "$id" "language:$language" || fail "$id: not found by language:$language"
  finds "$id" "$keyword" || fail "$id: not found by its word '$keyword'"
  if [ "$inflected" != - ]; then finds "$id" "$inflected" || fail "$id: not found by the form '$inflected'"; fi
  native_id=$("$search" --db "$db" --format=json --actor-info "$native" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["actor"]["id"])') ||
    native_id=""
  if [ -z "$native_id" ]; then
    fail "$id: --actor-info does not know '$native'"
  else
    finds "$id" "actor:\"$native\"" || fail "$id: not found by actor:\"$native\""
    finds "$id" "actor:$native_id" || fail "$id: not found by actor:$native_id ('$native')"
  fi
  tags=$(tags_of "$id")
  for tag in ${actors//,/ } ${topics//,/ }; do
    grep -qxF "$tag" <<<"$tags" || fail "$id: not tagged $tag (has: $(tr '\n' ' ' <<<"$tags"))"
  done
done <"$source_dir/tests/data/multilingual-expectations.tsv"

[ "$articles" -ge 35 ] || fail "only $articles articles in the expectations"
[ "$failures" -eq 0 ] || { echo "$failures failures over $articles articles" >&2; exit 1; }
echo "ok: $articles articles in 7 languages found, resolved and tagged as expected"
