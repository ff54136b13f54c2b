#!/usr/bin/env bash
# The manual pages cannot drift from the option tables:
# - every option --help lists is documented in the binary's page;
# - every option any page mentions exists (no prose about a removed or renamed option);
# - the pages render without groff warnings (when groff is installed).
#   man_pages.sh MAN_DIR INDEX_BIN SEARCH_BIN
set -euo pipefail
man_dir=$1 index_bin=$2 search_bin=$3
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

help_options() { "$1" --help | sed -n -E 's/^  (-[[:alnum:]], |    )(--[[:alnum:]-]+).*/\2/p'; }
# Options as a page spells them: \-\-name, with \- for each hyphen.
page_options() { grep -oE '\\-\\-[a-z](\\-|[a-z0-9])*' "$1" | sed 's/\\-/-/g' | sort -u; }

all_options=$( (help_options "$index_bin"; help_options "$search_bin") | sort -u)
for program in index search; do
  bin_var=${program}_bin
  page=$man_dir/dipnews-$program.1
  [ -s "$page" ] || { fail "$page missing"; continue; }
  documented=$(page_options "$page")
  count=0
  for option in $(help_options "${!bin_var}"); do
    count=$((count + 1))
    grep -qxF -- "$option" <<<"$documented" || fail "dipnews-$program.1 does not document $option"
    # Documented in the OPTIONS list, not only mentioned: a .TP entry names it.
    grep -A1 -x '\.TP' "$page" | grep -qF -- "\\fB$(sed 's/-/\\-/g' <<<"$option")\\fR" ||
      fail "dipnews-$program.1 has no OPTIONS entry for $option"
  done
  [ "$count" -gt 5 ] || fail "dipnews-$program --help lists only $count options"
  echo "dipnews-$program.1 documents all $count options of --help"
done
for page in "$man_dir"/dipnews-index.1 "$man_dir"/dipnews-search.1 "$man_dir"/dipnews-query.7; do
  for option in $(page_options "$page"); do
    grep -qxF -- "$option" <<<"$all_options" || fail "$(basename "$page") mentions $option, which neither binary has"
  done
  if command -v groff >/dev/null; then
    warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1 || true)
    [ -z "$warnings" ] || fail "$(basename "$page"): groff warns: $warnings"
  fi
done
if command -v groff >/dev/null; then echo "the pages render without groff warnings"; fi
((failures == 0)) || { echo "$failures problem(s)"; exit 1; }
echo "manual pages agree with --help"
