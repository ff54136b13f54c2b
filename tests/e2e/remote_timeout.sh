#!/usr/bin/env bash
# A remote database that accepts the connection and never answers (a real listening socket,
# not a mock) fails the search after --remote-timeout seconds, naming the host, the port, the
# stub line and the timeout; it used to cost 120 s per stub line. A closed port fails at once.
#   remote_timeout.sh SEARCH_BIN
set -euo pipefail
search=$1
command -v python3 >/dev/null || { echo "skipped: needs python3 for the silent listener" >&2; exit 77; }
work=$(mktemp -d)
listener=
trap '[ -n "$listener" ] && kill "$listener" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$work/err" ] && cat "$work/err" >&2; exit 1; }

# Listens on a free port of 127.0.0.1, writes the port, accepts every connection and keeps it
# open without a byte, until killed.
python3 -c '
import socket, sys, time
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(8)
with open(sys.argv[1], "w") as f: f.write(str(s.getsockname()[1]))
kept = []
while True:
    c, _ = s.accept()
    kept.append(c)
' "$work/port" &
listener=$!
for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")
[ -n "$port" ] || fail "the listener did not start"
printf 'remote tcp 127.0.0.1:%s\n' "$port" >"$work/stub"

start=$(($(date +%s%N) / 1000000))
status=0
"$search" --db "$work/stub" --remote-timeout=2 --count oil 2>"$work/err" >/dev/null || status=$?
elapsed=$(($(date +%s%N) / 1000000 - start))  # ms
[ "$status" -eq 1 ] || fail "silent server: exit $status, expected 1"
grep -q "remote database 127.0.0.1:$port ($work/stub:1) did not answer within 2 s (--remote-timeout=SECONDS)" \
  "$work/err" || fail "silent server: the message does not name the host, port, stub line and timeout"
[ "$elapsed" -lt 8000 ] || fail "silent server: took $elapsed ms with --remote-timeout=2"
[ "$elapsed" -ge 1900 ] || fail "silent server: gave up after $elapsed ms, before the timeout"

# The option's bounds.
status=0
"$search" --db "$work/stub" --remote-timeout=0 --count oil 2>"$work/err" >/dev/null || status=$?
[ "$status" -eq 2 ] || fail "--remote-timeout=0: exit $status, expected 2"
grep -q -- "--remote-timeout: must be at least 1 second" "$work/err" || fail "--remote-timeout=0: no reason"

# Nothing listening: refused at once, whatever the timeout.
kill "$listener"
wait "$listener" 2>/dev/null || true
listener=
start=$SECONDS
status=0
"$search" --db "$work/stub" --remote-timeout=60 --count oil 2>"$work/err" >/dev/null || status=$?
[ "$status" -eq 1 ] || fail "closed port: exit $status, expected 1"
grep -q "cannot reach remote database 127.0.0.1:$port" "$work/err" || fail "closed port: the address is not named"
[ $((SECONDS - start)) -lt 10 ] || fail "closed port: took $((SECONDS - start)) s"
echo "ok: a silent remote fails after --remote-timeout (${elapsed} ms for 2 s), named with its stub line"
