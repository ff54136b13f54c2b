#!/usr/bin/env bash
# A killed indexer must leave the last committed state readable (docs/reliability.md): feed 3,200
# articles through a FIFO with a commit every 500, wait for the 6th commit, SIGKILL the
# indexer while 200 articles are written but uncommitted, then check the index holds
# exactly the 3,000 committed ones and that the next run completes the job.
set -euo pipefail
# --jobs=1: the direct path, where every commit is in the index at once (a parallel run
# commits into parts merged at its end: tests/e2e/parallel_kills.sh).
index=$1
search=$2
work=$(mktemp -d)
trap 'exec 3>&- 2>/dev/null || true; rm -rf "$work"' EXIT

mkfifo "$work/feed"
"$index" --db "$work/db" --jobs=1 --commit-interval 500 --quiet - <"$work/feed" &
indexer=$!
exec 3>"$work/feed"
articles() { for i in $(seq 1 3200); do printf '{"id":"a%d","body":"report %d on ceasefire talks"}\n' "$i" "$i"; done; }
articles >&3

count() { "$search" --db "$work/db" --count '*' 2>/dev/null || echo 0; }
for _ in $(seq 1 200); do
  [ "$(count)" -ge 3000 ] && break
  sleep 0.05
done
sleep 0.2  # the indexer is now blocked reading stdin with 200 uncommitted articles
kill -KILL "$indexer"
wait "$indexer" 2>/dev/null || true
exec 3>&-

after_kill=$(count)
[ "$after_kill" -eq 3000 ] || { echo "after SIGKILL the index holds $after_kill articles, expected 3000" >&2; exit 1; }

summary=$(articles | "$index" --db "$work/db" - 2>&1)
case "$summary" in
  *"200 added, 0 replaced, 3000 unchanged, 0 deleted, 0 skipped with errors"*) ;;
  *) echo "re-run after the kill: unexpected summary: $summary" >&2; exit 1 ;;
esac
echo "killed indexer left 3000 committed articles; the re-run added the 200 lost ones"
