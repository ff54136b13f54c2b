#!/usr/bin/env bash
# One index, the same articles in N local shards (dipnews-index --shards N, searched through
# their stub), and those shards served by Xapian's own remote backend (one xapian-tcpsrv per
# shard on 127.0.0.1, searched through a stub of `remote tcp HOST:PORT` lines): every search
# must answer the same. Compared: ranked ids and scores (hits of equal score may come in
# another order: docids interleave across shards), exact counts, facets, timeline,
# co-occurrence, wire-copy collapse, --similar, spelling suggestions, the actor catalogue.
# Also: incremental runs keep each article in its shard, a different --shards is refused, every
# shard's schema is checked (remote ones too), a shard listed twice is refused.
#
#   remote_shards.sh DIPNEWS_INDEX DIPNEWS_SEARCH CORPUS_DIR [SHARDS]
set -euo pipefail
index=$1
search=$2
corpus=$3
shards=${4:-3}
work=$(mktemp -d)
servers=()
# SIGKILL: xapian-tcpsrv answers SIGTERM by sending it to its whole process group (this script,
# and ctest with it), though setsid gives each server a group of its own as well.
cleanup() {
  for pid in "${servers[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "remote_shards: $*" >&2; exit 1; }

if ! command -v xapian-tcpsrv >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends xapian-tools >/dev/null
  else
    fail "xapian-tcpsrv not found: install Debian's xapian-tools (scripts/setup does, as root)"
  fi
fi

# Serves DB on a free port of 127.0.0.1, whose number it leaves in $port. Not called in a
# subshell: the server's pid must reach $servers, which the exit trap stops.
serve() {
  local db=$1 pid
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$port" "$db" >"$work/tcpsrv-$port.log" 2>&1 &
    pid=$!
    disown "$pid"  # no "Killed" job notice when the trap stops it
    servers+=("$pid")
    for _ in $(seq 1 50); do
      if ! kill -0 "$pid" 2>/dev/null; then break; fi  # the port was taken: try another
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return; fi
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
  done
  fail "could not start xapian-tcpsrv for $db"
}

"$index" --quiet --db "$work/one.db" "$corpus"
"$index" --quiet --db "$work/sharded.db" --shards "$shards" "$corpus"
[ -f "$work/sharded.db/XAPIANDB" ] || fail "no stub file in the sharded index"
[ "$(grep -c '^auto shard-' "$work/sharded.db/XAPIANDB")" -eq "$shards" ] || fail "the stub does not list $shards shards"

# Incremental: the same articles again are unchanged (each found in its own shard).
"$index" --db "$work/sharded.db" "$corpus" 2>"$work/again.err"
grep -q " 0 added, 0 replaced, [0-9]* unchanged" "$work/again.err" || fail "re-indexing changed the shards: $(cat "$work/again.err")"
if "$index" --db "$work/sharded.db" --shards $((shards + 1)) "$corpus" 2>"$work/other-n.err"; then
  fail "a different --shards was accepted"
fi
grep -q "has $shards shards, not $((shards + 1))" "$work/other-n.err" || fail "unclear message: $(cat "$work/other-n.err")"

: >"$work/remote.stub"
for k in $(seq 0 $((shards - 1))); do
  serve "$work/sharded.db/shard-$k"
  # Xapian's own syntax for the last line, the `remote tcp` form of docs/reference.md for the others.
  if [ "$k" -eq $((shards - 1)) ]; then echo "remote 127.0.0.1:$port"; else echo "remote tcp 127.0.0.1:$port"; fi >>"$work/remote.stub"
done
dbs=("$work/one.db" "$work/sharded.db/XAPIANDB" "$work/remote.stub")

# Canonical forms. Ranked hits (tsv: rank id score date ...): equal scores sorted by id.
by_score() { cut -f2,3 | sort -t$'\t' -k2,2gr -k1,1; }
by_date() { cut -f2-4 | sort -t$'\t' -k3,3r -k2,2gr -k1,1; }
# JSON: the totals Xapian estimates (not exact counts) differ between layouts by design, and
# over remote shards Xapian 1.4 collapses wire copies shard by shard, so the stories' bounds
# are looser there (11 to 15 where 11 match).
no_estimates() { sed -E 's/"total":\{[^}]*\},?//; s/"stories":\{[^}]*\},?//'; }
as_is() { cat; }
id_set() { cut -f2 | sort; }
stories() { grep -o '"\(story\|id\)":"[^"]*"' | sort; }  # collapsed JSON: stories, ids shown or folded

compared=0
same() { # CANONICAL SEARCH-ARGS...: the same output from every database
  local canonical=$1 i
  shift
  for i in 0 1 2; do
    "$search" --db "${dbs[$i]}" "$@" >"$work/raw.$i" 2>"$work/err.$i" || fail "search failed on ${dbs[$i]}: $* ($(cat "$work/err.$i"))"
    "$canonical" <"$work/raw.$i" >"$work/out.$i"
  done
  [ -s "$work/out.0" ] || fail "empty output: $*"
  for i in 1 2; do
    diff -u "$work/out.0" "$work/out.$i" >"$work/diff" || { cat "$work/diff" >&2; fail "${dbs[$i]} differs from one index: $*"; }
  done
  compared=$((compared + 1))
}

# Ranked ids and scores.
for q in ceasefire '"security guarantees"' 'sanctions OR tariffs' 'title:berlin' 'ceasefire NEAR monitoring'; do
  same by_score --format=tsv --limit=100 "$q"
  same by_score --format=tsv --limit=100 --no-collapse "$q"
  same as_is --count "$q"
done
# Filters alone score every match 0: equal hits come in index order, so which copy stands for a
# story may differ; the stories, and the articles shown or folded into them, may not.
for q in 'actor:putin' 'topic:ceasefire date:2025-12' 'source:"Meridian Post"' '*'; do
  same stories --format=json --no-snippets --limit=100 "$q"
  same by_score --format=tsv --limit=100 --no-collapse "$q"
  same as_is --count "$q"
done
# Wildcards: the same matches, but Xapian 1.4 expands and weights a wildcard in each shard with
# that shard's statistics, so its scores (and order) differ: compared as a set (docs/scaling.md).
same id_set --format=tsv --limit=100 --no-collapse 'guarant* NOT trump'
same as_is --count 'guarant* NOT trump'
same by_date --format=tsv --limit=100 --sort=newest --no-collapse '*'
same by_date --format=tsv --limit=100 --sort=newest --no-collapse --actor=zelensky --since=2025-12
same stories --format=json --no-snippets --limit=100 --sort=newest --actor=zelensky --since=2025-12
# A question: relaxed to a ranked OR and expanded by pseudo-relevance feedback.
same by_score --format=tsv --limit=100 who met whom about the peace plan in Berlin
same by_score --format=tsv --limit=100 --default-op=or --feedback=5 frozen russian assets loan
# Similar articles (relevance feedback from one article).
same by_score --format=tsv --limit=100 --similar=2025-08-16-alaska-summit
same by_score --format=tsv --limit=100 --similar=global-affairs-wire-20251215-berlin-talks-outcome --since=2025-12-01
# Wire copies: one hit per story, carried by the same outlets.
same no_estimates --format=json --no-snippets --limit=20 '"security guarantees" berlin'
same as_is --format=text --color=never --no-snippets --limit=20 '"security guarantees" berlin'
# Snippets: the same locally; over remote shards chosen by the query's words alone (Xapian's
# background model would cost a network round trip per word).
"$search" --db "${dbs[1]}" --format=text --color=never --limit=5 '"security guarantees"' >"$work/snippets.1"
"$search" --db "${dbs[0]}" --format=text --color=never --limit=5 '"security guarantees"' | cmp -s - "$work/snippets.1" ||
  fail "snippets differ between one index and local shards"
"$search" --db "${dbs[2]}" --format=text --color=never --limit=5 '"security guarantees"' >"$work/snippets.2"
[ "$(grep -c 'security guarantees' "$work/snippets.2")" -ge 5 ] || fail "no snippets over remote shards"
# Facets, timeline, co-occurrence: exact over every match.
same as_is --count --format=json --facets=actor,person,country,org,topic,source --timeline=week actor:putin
same as_is --count --format=json --facets=source,topic --timeline=month '*'
same as_is --count --format=json --cooccur actor:putin
same as_is --count --format=json --cooccur=topic country:ukraine
# Did you mean, the catalogue, batch mode (one handle per worker).
same no_estimates --format=json --no-snippets ceasfire monitring
same as_is --list-actors --format=json
same as_is --list-topics
printf 'q1\tceasefire\nq2\tceasefire actor:putin\nq3\t"security guarantees"\n' >"$work/batch.tsv"
same no_estimates --batch "$work/batch.tsv" --format=jsonl --facets=topic --timeline=month --no-snippets --limit=5
same as_is --batch "$work/batch.tsv" --format=trec --limit=5
# --sort=oldest: undated articles last locally; remote shards sort on the date value alone.
"$search" --db "${dbs[2]}" --format=tsv --sort=oldest --limit=5 '*' >/dev/null || fail "--sort=oldest over remote shards"

# --compact compacts every shard; the answers stay the same.
"$index" --quiet --db "$work/sharded.db" --compact
same by_score --format=tsv --limit=100 ceasefire

# Every shard's schema is checked, remote ones included.
cp -a "$work/sharded.db/shard-1" "$work/old-shard"
rm -f "$work/old-shard/dipnews-writer.pid"
xapian-metadata set "$work/old-shard" dipnews:schema_version 1
serve "$work/old-shard"
printf 'remote tcp 127.0.0.1:%s\n' "$port" >"$work/old.stub"
if "$search" --db "$work/old.stub" --count '*' 2>"$work/old.err"; then fail "a remote shard of another schema was searched"; fi
grep -q "remote database 127.0.0.1:$port .*schema version 1" "$work/old.err" || fail "unclear message: $(cat "$work/old.err")"
printf 'auto %s\nauto %s/shard-0\n' "$work/old-shard" "$work/sharded.db" >"$work/old-local.stub"
if "$search" --db "$work/old-local.stub" --count '*' 2>"$work/old.err"; then fail "a local shard of another schema was searched"; fi
grep -q "old-shard' has index schema version 1" "$work/old.err" || fail "unclear message: $(cat "$work/old.err")"

# A shard listed twice (locally and remotely) would count its articles twice: refused.
printf 'auto %s\n' "$work/sharded.db" >"$work/twice.stub"
head -1 "$work/remote.stub" >>"$work/twice.stub"
if "$search" --db "$work/twice.stub" --count '*' 2>"$work/twice.err"; then fail "a shard listed twice was searched"; fi
grep -q "are the same shard" "$work/twice.err" || fail "unclear message: $(cat "$work/twice.err")"
# A shard left out: searched, with a warning.
head -1 "$work/remote.stub" >"$work/part.stub"
"$search" --db "$work/part.stub" --count '*' 2>"$work/part.err" >/dev/null
grep -q "warning: searching 1 of the $shards shards" "$work/part.err" || fail "no warning for missing shards: $(cat "$work/part.err")"

echo "remote_shards: $compared searches equal on one index, $shards local shards and $shards remote shards"
