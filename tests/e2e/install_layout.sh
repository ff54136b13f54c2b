#!/usr/bin/env bash
# Installs dipnews into a scratch prefix and checks that the installed binaries find
# their data from any working directory: index the installed sample corpus, search it.
set -euo pipefail
build_dir=$1
prefix=$2
rm -rf "$prefix"
cmake --install "$build_dir" --prefix "$prefix" >/dev/null
cd /
"$prefix/bin/dipnews-index" --db "$prefix/test.db" "$prefix/share/dipnews/articles" 2>"$prefix/index.err"
grep -Eq '^dipnews-index: [0-9]+ added, 0 replaced, 0 unchanged, 0 deleted, 0 skipped with errors' "$prefix/index.err"
count=$("$prefix/bin/dipnews-search" --db "$prefix/test.db" --count ceasefire)
[ "$count" -gt 0 ] || { echo "installed search found no 'ceasefire' articles" >&2; exit 1; }
echo "installed binaries indexed and searched the installed corpus ($count hits)"
