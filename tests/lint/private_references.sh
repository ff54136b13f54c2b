#!/usr/bin/env bash
# Code, tests and docs cite what a reader of the repository can open: docs/reference.md,
# docs/design.md, docs/reliability.md. A "SPEC §2" or an "issue 17" points at the developers'
# own tracker and contract, which users who clone the project do not have.
set -euo pipefail
root=$1
cd "$root"
files=$(find common indexer searcher tests scripts docs man corpus completion cmake README.md CMakeLists.txt \
          -type f \( -name '*.cc' -o -name '*.h' -o -name '*.sh' -o -name '*.py' -o -name '*.md' -o -name '*.txt' \
          -o -name '*.1' -o -name '*.in' -o -path 'scripts/*' \) ! -path 'tests/lint/private_references.sh')
[ -n "$files" ] || { echo "no sources found under $root" >&2; exit 1; }
if hits=$(echo "$files" | xargs grep -n -E 'SPEC §|\bSPEC\b|\b[Ii]ssue [0-9]+|\(this session\)|the scale issue' 2>/dev/null); then
  echo "references a user cannot follow (cite docs/ instead):" >&2
  echo "$hits" >&2
  exit 1
fi
echo "ok: no references to the developers' issues or SPEC"
