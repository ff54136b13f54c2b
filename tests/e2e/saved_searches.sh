#!/usr/bin/env bash
# Saved searches, --new and relative dates, with the real binaries, around a fixed "now"
# (DIPNEWS_NOW) and in a scratch home (HOME, XDG_*: never the user's own files):
#  - relative dates in date: and --since/--until resolve against DIPNEWS_NOW; bad ones are named;
#  - --saved runs a saved search, command-line options win, query words are ANDed;
#  - --new twice in a row with articles indexed between: the second shows only those, a
#    third none (exit 3); a changed article is new again, an unchanged one is not;
#  - a run whose output cannot be written (exit 1) does not advance the position;
#  - positions are per index; compaction keeps them; a sharded index works the same;
#  - bad saved-search lines are reported as FILE:LINE (exit 2).
#   saved_searches.sh INDEX_BIN SEARCH_BIN
set -euo pipefail
index=$1
search=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" DIPNEWS_NOW=2026-12-04
unset DIPNEWS_DB DIPNEWS_SAVED_SEARCHES
mkdir -p "$HOME" "$XDG_CONFIG_HOME/dipnews"
fail() { echo "FAIL: $*" >&2; exit 1; }
# Runs a command, keeping its exit status in $status.
run() { status=0; "$@" || status=$?; }
article() { printf '{"id":"%s","title":"%s","date":"%s","body":"%s"}\n' "$1" "$2" "$3" "$4"; }

db=$work/news.db
{
  article today "Ceasefire talks today" 2026-12-04 "Envoys discussed a ceasefire."
  article yesterday "Ceasefire talks yesterday" 2026-12-03 "Envoys discussed a ceasefire again."
  article week "Ceasefire a week ago" 2026-11-27 "A ceasefire was proposed."
  article fortnight "Sanctions two weeks ago" 2026-11-20 "New sanctions were announced."
  article old "Ceasefire in October" 2026-10-01 "An old ceasefire story."
} | "$index" --quiet --db "$db" -
ids() { "$search" --db "$db" --format=ids --sort=newest --limit=100 "$@" | tr '\n' ' '; }

# --- relative dates around DIPNEWS_NOW=2026-12-04 ---
[ "$(ids date:today)" = "today " ] || fail "date:today: $(ids date:today)"
[ "$(ids date:yesterday)" = "yesterday " ] || fail "date:yesterday"
[ "$(ids 'date:yesterday..')" = "today yesterday " ] || fail "date:yesterday..: $(ids 'date:yesterday..')"
[ "$(ids 'date:7d..')" = "today yesterday week " ] || fail "date:7d..: $(ids 'date:7d..')"
[ "$(ids 'date:..2w')" = "fortnight old " ] || fail "date:..2w: $(ids 'date:..2w')"
[ "$(ids 'date:2w..8d')" = "fortnight " ] || fail "date:2w..8d: $(ids 'date:2w..8d')"
[ "$(ids 'date:1m..')" = "today yesterday week fortnight " ] || fail "date:1m.."
[ "$(ids --since=2w '*')" = "today yesterday week fortnight " ] || fail "--since=2w"
[ "$(ids --since=yesterday '*')" = "today yesterday " ] || fail "--since=yesterday"
[ "$(ids --since=today --until=today '*')" = "today " ] || fail "--since=today --until=today"
[ "$(ids --since=1W --until=yesterday '*')" = "yesterday week " ] || fail "--since=1W --until=yesterday"
[ "$(DIPNEWS_NOW=2026-12-05T08:00:00+01:00 ids date:yesterday)" = "today " ] || fail "DIPNEWS_NOW as RFC 3339"
[ "$(ids date:2026-11-27)" = "week " ] || fail "absolute dates still work"
"$search" --db "$db" --explain-query --count 'date:7d..' 2>"$work/explain" >/dev/null
grep -q 'date:7d.. -> 2026-11-27..' "$work/explain" || fail "--explain-query does not show the resolved date"
run "$search" --db "$db" --count 'date:7x..' 2>"$work/err"
[ "$status" -eq 2 ] && grep -q "bad date '7x'" "$work/err" || fail "date:7x.. (status $status): $(cat "$work/err")"
run "$search" --db "$db" --count --since=tomorrow '*' 2>"$work/err"
[ "$status" -eq 2 ] && grep -q "^dipnews-search: --since: bad date 'tomorrow' (expected YYYY" "$work/err" ||
  fail "--since=tomorrow (status $status): $(cat "$work/err")"
run env DIPNEWS_NOW=soon "$search" --db "$db" --count --since=2w '*' 2>"$work/err"
[ "$status" -eq 2 ] && grep -q "DIPNEWS_NOW: bad date 'soon'" "$work/err" || fail "bad DIPNEWS_NOW: $(cat "$work/err")"
run env DIPNEWS_NOW=soon "$search" --db "$db" --count 'date:yesterday' 2>"$work/err"
[ "$status" -eq 2 ] && grep -q "DIPNEWS_NOW: bad date 'soon'" "$work/err" || fail "bad DIPNEWS_NOW in date:"
# An absolute date needs no "now": a bad DIPNEWS_NOW is then no error.
[ "$(DIPNEWS_NOW=soon ids date:2026-12-04)" = "today " ] || fail "a bad DIPNEWS_NOW broke an absolute date"

# --- saved searches ---
cat >"$XDG_CONFIG_HOME/dipnews/searches" <<'EOF'
# standing queries
ceasefire = --format=ids --sort=newest --limit=100 ceasefire
recent    = --format=ids --sort=oldest --since=7d '*'
sanctions = --count "title:sanctions"
either    = --format=ids --sort=newest sanctions OR october
EOF
run "$search" --db "$db" --list-saved >"$work/list"
[ "$status" -eq 0 ] || fail "--list-saved: $status"
[ "$(cut -f1 "$work/list" | tr '\n' ' ')" = "ceasefire recent sanctions either " ] || fail "--list-saved: $(cat "$work/list")"
grep -q "^recent	--format=ids --sort=oldest --since=7d '\*'$" "$work/list" || fail "--list-saved text"
[ "$("$search" --db "$db" --saved ceasefire | tr '\n' ' ')" = "today yesterday week old " ] || fail "--saved ceasefire"
[ "$("$search" --db "$db" --saved recent | tr '\n' ' ')" = "week yesterday today " ] || fail "--saved recent"
[ "$("$search" --db "$db" --saved sanctions)" = "1" ] || fail "--saved sanctions"
# Options given here win over the saved ones; words given here narrow the saved query.
[ "$("$search" --db "$db" --saved ceasefire --limit=1 --sort=oldest)" = "old" ] || fail "options do not override"
[ "$("$search" --db "$db" --saved ceasefire date:yesterday..)" = "$(printf 'today\nyesterday')" ] ||
  fail "words are not ANDed"
# ...with the whole saved query: (sanctions OR october) ceasefire, not sanctions OR (october ceasefire).
[ "$("$search" --db "$db" --saved either)" = "$(printf 'fortnight\nold')" ] || fail "--saved either"
[ "$("$search" --db "$db" --saved either ceasefire)" = "old" ] || fail "the saved query is not grouped"
run "$search" --db "$db" --saved ceasfire 2>"$work/err"
[ "$status" -eq 2 ] && grep -q "no saved search 'ceasfire' in .*searches (it has: ceasefire, recent, sanctions, either)" \
  "$work/err" || fail "unknown saved search: $(cat "$work/err")"
run "$search" --db "$db" --new ceasefire 2>"$work/err"
[ "$status" -eq 2 ] && grep -q -- "--new needs --saved" "$work/err" || fail "--new without --saved"
# --saved-file and $DIPNEWS_SAVED_SEARCHES name another file.
printf 'mine = --count ceasefire\n' >"$work/mine"
[ "$("$search" --db "$db" --saved-file "$work/mine" --saved mine)" = "4" ] || fail "--saved-file"
[ "$(DIPNEWS_SAVED_SEARCHES="$work/mine" "$search" --db "$db" --saved mine)" = "4" ] || fail "DIPNEWS_SAVED_SEARCHES"
run "$search" --db "$db" --saved-file "$work/missing" --saved x 2>"$work/err"
[ "$status" -eq 2 ] && grep -q "missing: cannot read the saved searches" "$work/err" || fail "missing --saved-file"

# Bad lines are named by file and line, for --list-saved and --saved alike.
bad() {  # bad LINE EXPECTED-MESSAGE
  printf 'good = ceasefire\n%s\n' "$1" >"$work/bad"
  for mode in --list-saved "--saved=good"; do
    run "$search" --db "$db" --saved-file "$work/bad" "$mode" 2>"$work/err" >/dev/null
    [ "$status" -eq 2 ] && grep -qF "$work/bad:2: $2" "$work/err" || fail "bad line '$1' ($mode, $status): $(cat "$work/err")"
  done
}
bad 'x = --limt=3 ceasefire' "saved search 'x': unrecognised option '--limt=3'"
bad 'x = --format=xml ceasefire' "saved search 'x': --format: invalid value 'xml'"
bad 'x = --since=tomorrow ceasefire' "saved search 'x': --since: bad date 'tomorrow'"
bad "x = 'ceasefire" "saved search 'x': unterminated quote"
bad 'x = --new ceasefire' "saved search 'x': --new cannot be saved"
bad 'x = --saved good' "saved search 'x': --saved cannot be saved"
bad 'good = sanctions' "saved search 'good' is already defined at line 1"
bad 'no equals' "expected NAME = OPTIONS AND QUERY"
bad 'bad/name = x' "bad saved search name 'bad/name'"
# A query error in a saved search says which one, and where it is written.
printf 'typo = acter:putin\n' >"$work/typo"
run "$search" --db "$db" --saved-file "$work/typo" --saved typo 2>"$work/err"
[ "$status" -eq 2 ] && grep -qF "(saved search 'typo', $work/typo:1)" "$work/err" || fail "query error: $(cat "$work/err")"

# --- --new: twice in a row with new articles indexed between ---
new() { run "$search" --db "$db" --saved ceasefire --new "$@" >"$work/out" 2>"$work/err"; }
new
[ "$status" -eq 0 ] && [ "$(tr '\n' ' ' <"$work/out")" = "today yesterday week old " ] ||
  fail "first --new run shows every match (status $status): $(cat "$work/out" "$work/err")"
state="$XDG_STATE_HOME/dipnews/new/ceasefire"
[ -f "$state" ] || fail "no state file $state"
grep -qP "^\Q$db\E\t[0-9]{17}$" "$state" || fail "state line: $(cat "$state")"
new
[ "$status" -eq 3 ] && [ ! -s "$work/out" ] || fail "second --new run: status $status, $(cat "$work/out")"
{
  article new1 "Ceasefire holds" 2026-12-04 "The ceasefire holds."
  article new2 "Sanctions again" 2026-12-04 "More sanctions."
  article week "Ceasefire a week ago" 2026-11-27 "A ceasefire was proposed, and accepted."  # changed
  article yesterday "Ceasefire talks yesterday" 2026-12-03 "Envoys discussed a ceasefire again."  # unchanged
} | "$index" --quiet --db "$db" -
new
[ "$status" -eq 0 ] && [ "$(tr '\n' ' ' <"$work/out")" = "new1 week " ] ||
  fail "after indexing: expected the new and the changed article (status $status): $(cat "$work/out")"
new
[ "$status" -eq 3 ] || fail "third --new run: status $status, $(cat "$work/out")"
# --count --new counts the new ones; zero is exit 3 too.
run "$search" --db "$db" --saved sanctions --new >"$work/out"
[ "$status" -eq 0 ] && [ "$(cat "$work/out")" = "2" ] || fail "first --count --new: $status $(cat "$work/out")"
run "$search" --db "$db" --saved sanctions --new >"$work/out"
[ "$status" -eq 3 ] && [ "$(cat "$work/out")" = "0" ] || fail "second --count --new: $status $(cat "$work/out")"

# A run whose results cannot be written fails (exit 1) and loses nothing.
article new3 "Ceasefire extended" 2026-12-04 "The ceasefire is extended." | "$index" --quiet --db "$db" -
run "$search" --db "$db" --saved ceasefire --new >/dev/full 2>"$work/err"
[ "$status" -eq 1 ] || fail "--new to a full disk: status $status"
new
[ "$status" -eq 0 ] && [ "$(cat "$work/out")" = "new3" ] || fail "the failed run lost new3: $(cat "$work/out")"
# A query error does not advance either.
article new4 "Ceasefire monitors" 2026-12-04 "Ceasefire monitors arrive." | "$index" --quiet --db "$db" -
run "$search" --db "$db" --saved ceasefire --new 'acter:x' 2>/dev/null
[ "$status" -eq 2 ] || fail "a query error: status $status"
new
[ "$(cat "$work/out")" = "new4" ] || fail "the failed query lost new4: $(cat "$work/out")"
# More new articles than --limit shows: said on stderr.
{
  article more1 "Ceasefire in the north" 2026-12-04 "Monitors report that the ceasefire holds along the northern line."
  article more2 "Ceasefire talks stall" 2026-12-04 "Negotiators in Geneva could not agree on a ceasefire timetable."
  article more3 "Ceasefire vote" 2026-12-04 "Parliament voted on the ceasefire agreement late on Friday night."
} | "$index" --quiet --db "$db" -
new --limit=1
[ "$status" -eq 0 ] && [ "$(wc -l <"$work/out")" -eq 1 ] && grep -q "warning: 3 new articles, 1 shown" "$work/err" ||
  fail "--limit cut without a warning: $(cat "$work/err")"

# Compaction gives the index a new UUID but keeps its articles' values: nothing new.
"$index" --quiet --db "$db" --compact
new
[ "$status" -eq 3 ] || fail "after --compact: status $status, $(cat "$work/out")"
# A deleted article is simply gone; it makes nothing new.
"$index" --quiet --db "$db" --delete new1
new
[ "$status" -eq 3 ] || fail "after --delete: status $status"

# Positions are per index: the same saved search on another index starts afresh.
other=$work/other.db
article o1 "Ceasefire elsewhere" 2026-12-04 "A ceasefire elsewhere." | "$index" --quiet --db "$other" -
run "$search" --db "$other" --saved ceasefire --new >"$work/out"
[ "$status" -eq 0 ] && [ "$(cat "$work/out")" = "o1" ] || fail "another index: $(cat "$work/out")"
new
[ "$status" -eq 3 ] || fail "the other index moved this one's position"
# A rebuilt index (same path) is new throughout: its articles were all indexed since.
rm -rf "$other"
article o2 "Ceasefire rebuilt" 2026-12-04 "A rebuilt ceasefire." | "$index" --quiet --db "$other" -
run "$search" --db "$other" --saved ceasefire --new >"$work/out"
[ "$status" -eq 0 ] && [ "$(cat "$work/out")" = "o2" ] || fail "rebuilt index: $(cat "$work/out")"

# A sharded index: the same, across its shards.
shards=$work/shards.db
for i in $(seq 1 12); do article "s$i" "Ceasefire $i" 2026-12-04 "Ceasefire report $i."; done |
  "$index" --quiet --shards 3 --db "$shards" -
run "$search" --db "$shards" --saved ceasefire --new >"$work/out"
[ "$status" -eq 0 ] && [ "$(wc -l <"$work/out")" -eq 12 ] || fail "sharded first run: $status"
for i in $(seq 13 17); do article "s$i" "Ceasefire $i" 2026-12-04 "Ceasefire report $i."; done |
  "$index" --quiet --db "$shards" -
run "$search" --db "$shards" --saved ceasefire --new >"$work/out"
[ "$status" -eq 0 ] && [ "$(sort "$work/out" | tr '\n' ' ')" = "s13 s14 s15 s16 s17 " ] ||
  fail "sharded second run: $(cat "$work/out")"
run "$search" --db "$shards" --saved ceasefire --new >"$work/out"
[ "$status" -eq 3 ] || fail "sharded third run: status $status"

# A damaged state file is named, and nothing is run over it.
printf 'garbage\n' >"$state"
run "$search" --db "$db" --saved ceasefire --new 2>"$work/err" >/dev/null
[ "$status" -eq 1 ] && grep -qF "$state:1: bad --new state line" "$work/err" || fail "bad state: $(cat "$work/err")"
echo "ok: relative dates, saved searches and --new"
