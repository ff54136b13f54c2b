#!/usr/bin/env bash
# Runs the commands of the EXAMPLES (and QUOTING) sections of each built manual page, as
# written, in one bash session per page, against the bundled data: the pages' /usr/share/dipnews
# is read as this tree's corpus/. A failing command fails the test.
#   man_examples.sh MAN_DIR INDEX_BIN SEARCH_BIN DATA_DIR WORK_DIR
set -euo pipefail
man_dir=$1 index_bin=$2 search_bin=$3 data_dir=$4 work=$5
rm -rf "$work" && mkdir -p "$work/bin"
ln -s "$index_bin" "$work/bin/dipnews-index"
ln -s "$search_bin" "$work/bin/dipnews-search"
# What the examples assume: a folder of scraped articles in the home directory, a scraper
# writing JSONL, a dictionary of one's own.
cat >"$work/bin/my-scraper" <<'SCRAPER'
#!/bin/sh
echo '{"id":"scraped-1","title":"Envoys meet in Geneva","date":"2025-12-20","body":"Envoys met in Geneva to revive ceasefire talks."}'
SCRAPER
chmod +x "$work/bin/my-scraper"

total=0
for page in "$man_dir"/dipnews-index.1 "$man_dir"/dipnews-search.1 "$man_dir"/dipnews-query.7; do
  home=$work/$(basename "$page")
  mkdir -p "$home"
  cp -r "$data_dir/articles" "$home/scraped"
  printf 'dictionary: actors\nversion: 2026-11-28.1\n\nactor: zz-envoy\ntype: person\nname: Zebulon Envoy\n' >"$home/my.actors"
  # Commands: the lines of .nf blocks and ".B dipnews\-..." lines, in EXAMPLES and QUOTING; a
  # line ending with '|' continues on the next. Troff escapes undone.
  awk -v data_dir="$data_dir" '
    /^\.SH / { section = $2; next }
    section != "EXAMPLES" && section != "QUOTING" { next }
    /^\.nf/ { nf = 1; next }
    /^\.fi/ { nf = 0; next }
    { line = "" }
    nf { line = $0 }
    !nf && /^\.B dipnews\\-/ { line = substr($0, 4) }
    line == "" { next }
    {
      gsub(/\\-/, "-", line); gsub(/\\\(aq/, "\047", line); gsub(/\\\(dq/, "\"", line); gsub(/\\e/, "\\", line)
      gsub("/usr/share/dipnews", data_dir, line)
      pending = pending line
      if (line ~ /\|[ \t]*$/) { pending = pending "\n"; next }
      print "echo \"### " FILENAME ": \" " q(pending)
      print pending
      pending = ""; count++
    }
    function q(s) { gsub(/\047/, "\047\\\047\047", s); return "\047" s "\047" }
    END { if (count < 5) { print "man_examples.sh: only " count " commands in " FILENAME > "/dev/stderr"; exit 1 } }
  ' "$page" >"$home/commands.sh"
  n=$(grep -c '^echo "### ' "$home/commands.sh")
  total=$((total + n))
  (cd "$home" && env -i PATH="$work/bin:/usr/local/bin:/usr/bin:/bin" HOME="$home" LANG=C.UTF-8 NO_COLOR=1 \
      DIPNEWS_DB="$home/news.db" bash -euo pipefail -c "dipnews-index --quiet scraped; source commands.sh") ||
    { echo "FAIL: a command of $(basename "$page") failed (see the last ### line above)"; exit 1; }
done
echo "all $total example commands of the manual pages ran"
