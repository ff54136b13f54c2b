#!/usr/bin/env bash
# A second writer is told which dipnews-index holds the lock (exit 75), and with
# --wait-lock it waits for that writer to finish and then does its own work.
set -euo pipefail
index=$1
search=$2
work=$(mktemp -d)
trap 'exec 3>&- 2>/dev/null || true; kill "$first" 2>/dev/null || true; rm -rf "$work"' EXIT

mkfifo "$work/feed"
"$index" --db "$work/db" --quiet - <"$work/feed" &
first=$!
exec 3>"$work/feed"  # the first writer now holds the lock, waiting for articles
for _ in $(seq 1 100); do [ -f "$work/db/dipnews-writer.pid" ] && break; sleep 0.05; done

status=0
"$index" --db "$work/db" - <<<'{"id":"b","body":"second"}' 2>"$work/err" 3>&- || status=$?
[ "$status" -eq 75 ] || { echo "second writer exited $status, expected 75" >&2; exit 1; }
grep -q "locked by another dipnews-index (pid $first)" "$work/err" ||
  { echo "message does not name pid $first:" >&2; cat "$work/err" >&2; exit 1; }

"$index" --db "$work/db" --quiet --wait-lock=30 - <<<'{"id":"b","body":"second"}' 3>&- &
second=$!
sleep 0.5
printf '{"id":"a","body":"first"}\n' >&3
exec 3>&-  # the first writer finishes and releases the lock
wait "$first"
wait "$second" || { echo "the waiting writer failed" >&2; exit 1; }
[ "$("$search" --db "$work/db" --count '*')" -eq 2 ] || { echo "expected both articles" >&2; exit 1; }
echo "ok: 75 with the holder's pid, then --wait-lock waited and wrote"
