#!/usr/bin/env bash
# Runs every example the --help of both binaries ends with, as written, against the bundled
# corpus: an example that stops working (or finds nothing) fails the test.
#   help_examples.sh INDEX_BIN SEARCH_BIN CORPUS_DIR WORK_DIR
set -euo pipefail
index_bin=$1 search_bin=$2 corpus=$3 work=$4
rm -rf "$work" && mkdir -p "$work/bin" && cd "$work"
ln -s "$index_bin" bin/dipnews-index
ln -s "$search_bin" bin/dipnews-search
# What the examples assume: a folder of scraped articles in the home directory, an article,
# a dictionary of one's own.
export HOME=$work PATH=$work/bin:$PATH DIPNEWS_DB=$work/news.db NO_COLOR=1
cp -r "$corpus" scraped
cp "$(find "$corpus" -name '*.txt' | sort | head -1)" article.txt
printf 'dictionary: actors\nversion: 2026-11-28.1\n\nactor: zz-envoy\ntype: person\nname: Zebulon Envoy\n' >my.actors

failures=0 count=0
for bin in dipnews-index dipnews-search; do  # the index first: the search examples use it
  examples=$("$bin" --help | sed -n '/^Examples:$/,$p' | sed -n -E 's/^  (dipnews-.*)/\1/p')
  [ "$(wc -l <<<"$examples")" -ge 3 ] || { echo "FAIL: $bin --help shows fewer than 3 examples"; failures=$((failures + 1)); }
  while IFS= read -r example; do
    count=$((count + 1))
    if ! out=$(eval "$example" 2>&1); then
      printf 'FAIL: %s\n%s\n' "$example" "$out"
      failures=$((failures + 1))
    elif [ -z "$out" ] || grep -qE '^(0|No articles match.*)$' <<<"$out"; then
      printf 'FAIL (nothing found): %s\n%s\n' "$example" "$out"
      failures=$((failures + 1))
    else
      echo "ok: $example"
    fi
  done <<<"$examples"
done
[ "$(dipnews-search --help | grep -c '^  dipnews-search ')" -eq 5 ] ||
  { echo "FAIL: dipnews-search --help should end with five examples"; failures=$((failures + 1)); }
((failures == 0)) || { echo "$failures of $count examples failed"; exit 1; }
echo "all $count --help examples ran"
