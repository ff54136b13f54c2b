#!/usr/bin/env bash
# Runs every ```sh block of the guide, in order, in one bash session (set -euo pipefail), in
# a scratch home directory, with the binaries under test on PATH. The guide's
# /usr/share/dipnews (the installed data directory) is read as this tree's corpus/.
# A command that fails, or a block that no longer runs, fails the test with its line number.
#   guide.sh GUIDE INDEX_BIN SEARCH_BIN DATA_DIR WORK_DIR [MIN_BLOCKS (10)]
# It runs docs/reference.md the same way.
set -euo pipefail
guide=$1 index_bin=$2 search_bin=$3 data_dir=$4 work=$5 min_blocks=${6:-10}
rm -rf "$work" && mkdir -p "$work/bin" "$work/home"
ln -s "$index_bin" "$work/bin/dipnews-index"
ln -s "$search_bin" "$work/bin/dipnews-search"

# One script from the blocks; each announces its line in the guide so a failure can be found.
script=$work/guide-commands.sh
awk -v data_dir="$data_dir" -v min_blocks="$min_blocks" -v name="$(basename "$guide")" '
  /^```sh$/ { inside = 1; blocks++; print "block_line=" NR + 1; print "echo \"### " name ":" NR + 1 "\""; next }
  /^```/ && inside { inside = 0; next }
  inside { gsub("/usr/share/dipnews", data_dir); print }
  END { if (blocks < min_blocks) { print "guide.sh: only " blocks " sh blocks found" > "/dev/stderr"; exit 1 } }
' "$guide" >"$script.body"
{
  echo 'set -euo pipefail'
  printf 'trap '\''echo "guide.sh: a command failed in the block at %s:$block_line" >&2'\'' ERR\n' "$(basename "$guide")"
  cat "$script.body"
} >"$script"

cd "$work/home"
env -i PATH="$work/bin:/usr/local/bin:/usr/bin:/bin" HOME="$work/home" LANG=C.UTF-8 NO_COLOR=1 TERM=dumb \
  bash "$script"
echo "guide.sh: every command of $(grep -c '^```sh$' "$guide") sh blocks ran"
