#!/usr/bin/env bash
# An index that cannot be written is not "locked by another writer": a read-only file system
# and a permission denied exit 1 at once with the reason, even with --wait-lock; a full disk
# names "No space left on device" and the summary counts what the commits saved.
# Needs root (mounts a tmpfs); skipped (77) otherwise. The permission case runs the indexer
# as nobody (runuser), skipped when nobody cannot reach the binary.
set -euo pipefail
index=$1
search=$2
if [ "$(id -u)" -ne 0 ]; then echo "skipped: needs root to mount a small tmpfs" >&2; exit 77; fi
work=$(mktemp -d)
mnt=$work/mnt
mkdir "$mnt"
if ! mount -t tmpfs -o size=3m tmpfs "$mnt" 2>/dev/null; then
  rm -rf "$work"; echo "skipped: cannot mount a tmpfs here" >&2; exit 77
fi
chmod 755 "$work"
trap 'umount "$mnt" 2>/dev/null || umount -l "$mnt" 2>/dev/null || true; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$work/err" ] && cat "$work/err" >&2; exit 1; }

# 1. Read-only file system.
"$index" --db "$mnt/db" --quiet - <<<'{"id":"a","body":"first words"}' || fail "first run"
mount -o remount,ro "$mnt"
start=$SECONDS
status=0
"$index" --db "$mnt/db" --wait-lock=20 - <<<'{"id":"b","body":"second"}' 2>"$work/err" || status=$?
[ "$status" -eq 1 ] || fail "read-only: exit $status, expected 1"
grep -q "cannot write index '$mnt/db': Read-only file system" "$work/err" || fail "read-only: no reason"
grep -q "locked" "$work/err" && fail "read-only: said locked"
[ $((SECONDS - start)) -lt 10 ] || fail "read-only: waited $((SECONDS - start)) s"
[ "$("$search" --db "$mnt/db" --count '*')" -eq 1 ] || fail "read-only: the index cannot be searched"
# A new index there: the directory cannot be created, and the message says why (not "mkdir failed").
for shards in "" "--shards=2"; do
  status=0
  # shellcheck disable=SC2086  # no --shards option when empty
  "$index" --db "$mnt/new.db" $shards - <<<'{"id":"b","body":"second"}' 2>"$work/err" || status=$?
  [ "$status" -eq 1 ] || fail "read-only, new index $shards: exit $status, expected 1"
  grep -q "cannot create the directory '$mnt/new.db': Read-only file system ('$mnt' is on a read-only file system)" \
    "$work/err" || fail "read-only, new index $shards: no reason"
done
mount -o remount,rw "$mnt"

# 2. Permission denied (the index belongs to root, the indexer runs as nobody).
chmod 755 "$mnt" "$mnt/db"
if runuser -u nobody -- test -x "$index" 2>/dev/null; then
  status=0
  runuser -u nobody -- "$index" --db "$mnt/db" --wait-lock=20 - <<<'{"id":"b","body":"second"}' 2>"$work/err" ||
    status=$?
  [ "$status" -eq 1 ] || fail "permission: exit $status, expected 1"
  grep -q "cannot write index '$mnt/db': Permission denied" "$work/err" || fail "permission: no reason"
else
  echo "note: nobody cannot run $index: permission case not run" >&2
fi
rm -rf "${mnt:?}/db"

# 3. A full disk: 3 MB hold some batches of 20 articles, not all 400.
for i in $(seq 1 400); do
  printf '{"id":"d%d","body":"%s"}\n' "$i" "$(head -c 6000 /dev/urandom | base64 -w0 | tr '+/' ' .')"
done >"$work/many.jsonl"
# One writer commits into the index: the batches before the disk filled are in it. Parallel
# writers commit into parts, merged only at the end: the index keeps none of them, and the
# message counts them among the changes not saved.
for jobs in 1 2; do
  rm -rf "${mnt:?}"/db*
  status=0
  "$index" --db "$mnt/db" --jobs=$jobs --commit-interval=20 "$work/many.jsonl" 2>"$work/err" || status=$?
  [ "$status" -eq 1 ] || fail "full disk, --jobs=$jobs: exit $status, expected 1"
  grep -q "No space left on device" "$work/err" || fail "full disk, --jobs=$jobs: the cause is not named"
  added=$(sed -n 's/^dipnews-index: \([0-9]*\) added,.*/\1/p' "$work/err")
  unsaved=$(sed -n "s/.*; the \([0-9]*\) changes not in the index's last commit were not saved.*/\1/p" "$work/err")
  [ -n "$added" ] && [ -n "$unsaved" ] || fail "full disk, --jobs=$jobs: no summary or no count of what was lost"
  if [ "$jobs" -eq 1 ]; then
    [ "$added" -gt 0 ] && [ "$added" -lt 400 ] || fail "full disk, --jobs=1: $added added"
  else
    [ "$added" -eq 0 ] && [ "$unsaved" -gt 0 ] || fail "full disk, --jobs=2: $added added, $unsaved not saved"
  fi
  count=$("$search" --db "$mnt/db" --count '*')
  [ "$count" -eq "$added" ] || fail "full disk, --jobs=$jobs: the summary says $added added, the index holds $count"
done
echo "ok: read-only and permission denied exit 1 at once with the reason; a full disk is named and counted"
