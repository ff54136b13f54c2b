#!/usr/bin/env bash
# A SIGKILL while a new index is created must not wedge it : strace kills
# dipnews-index at its Nth rename (Xapian renames v.tmp to iamglass at each commit, the
# indexer XAPIANDB.new to XAPIANDB), for every N of a new plain index and of a new --shards 4
# index; then a search must exit 0 or say the index was never completed, and the same
# command run again must succeed with every article. Skipped (77) without strace.
set -euo pipefail
index=$1
search=$2
command -v strace >/dev/null || { echo "strace not installed: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for i in $(seq 1 40); do printf '{"id":"s%d","body":"oil talks %d"}\n' "$i" "$i"; done >"$work/in.jsonl"
for layout in plain shards; do
  args=(); [ "$layout" = shards ] && args=(--shards 4)
  for n in $(seq 1 16); do
    db="$work/$layout-$n.db"
    # LeakSanitizer cannot run under ptrace (sanitizer builds): off for the traced run only.
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
      strace -f -o /dev/null -e inject=rename:signal=KILL:when="$n" "$index" --db "$db" "${args[@]}" "$work/in.jsonl" \
      >/dev/null 2>&1 && break  # finished before its Nth rename: every kill point was tried
    if ! out=$("$search" --db "$db" --count '*' 2>&1); then
      case "$out" in
        *"index was never completed (an indexing run was interrupted before its first commit): re-run dipnews-index"*) ;;
        *) echo "$layout, killed at rename $n: the search says: $out" >&2; exit 1 ;;
      esac
    fi
    if ! rerun=$("$index" --db "$db" "${args[@]}" "$work/in.jsonl" 2>&1); then
      echo "$layout, killed at rename $n: the next run failed: $rerun" >&2
      exit 1
    fi
    count=$("$search" --db "$db" --count '*')
    [ "$count" -eq 40 ] || { echo "$layout, killed at rename $n: $count articles after the re-run, expected 40" >&2; exit 1; }
  done
  echo "$layout: every kill point up to rename $n recovered"
done
