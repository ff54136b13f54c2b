#!/usr/bin/env bash
# Opt-in (needs ../shared/corpora/ungdc): the guide's worked example of your own fields on the
# whole UN General Debate Corpus (1,928 statements, 2015-2024): speaker, post and iso3 declared,
# then filtered, faceted and printed as columns.
#   ungdc_fields.sh INDEX_BIN SEARCH_BIN   (DIPNEWS_SHARED_DIR set by needs_shared.sh)
set -euo pipefail
index=$1
search=$2
corpus=$DIPNEWS_SHARED_DIR/corpora/ungdc/ungdc.jsonl
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config DIPNEWS_CONFIG=
fail() { echo "FAIL: $*" >&2; exit 1; }

"$index" --quiet --db "$work/fields.db" --field speaker --field post --field iso3=country_iso3 "$corpus"
db=$work/fields.db
[ "$("$search" --db "$db" --count iso3:chn)" -eq 10 ] || fail "one statement a year from China: $("$search" --db "$db" --count iso3:chn)"
[ "$("$search" --db "$db" --count '*')" -eq "$(wc -l <"$corpus")" ] || fail "not every statement is indexed"
"$search" --db "$db" --format=json --facets=speaker --limit 0 iso3:chn climate >"$work/facets.json"
grep -q '"name":"Mr. Wang Yi"' "$work/facets.json" || fail "speaker facet: $(cat "$work/facets.json")"
"$search" --db "$db" --format=tsv 'speaker:"mr wang yi"' multilateralism | cut -f12 | sort -u | grep -qx CHN ||
  fail "the speaker filter or the iso3 column"
echo "ungdc fields: ok"
