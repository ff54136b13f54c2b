# Shared set-up for dipnews' benchmarks (source it). Builds on the peer harness in
# ../shared/bench (its lib.sh gives measure, result, report_*), so that our figures and the
# peers' come from the same run, the same corpus and the same timing code.
# shellcheck shell=bash

DIPNEWS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PEERS="${PEERS_HARNESS:-$DIPNEWS_ROOT/../shared/bench}"
[ -f "$PEERS/lib.sh" ] || { echo "$(basename "$0"): error: peer harness not found at $PEERS (../shared/bench)" >&2; exit 1; }
# shellcheck source=/dev/null
source "$PEERS/lib.sh"

BUILD="${BUILD_DIR:-$DIPNEWS_ROOT/build}"
INDEX_BIN="$BUILD/indexer/dipnews-index"
SEARCH_BIN="$BUILD/searcher/dipnews-search"

# The peers and the generator's word list (wamerican: without it the generator falls back to
# a 999-word vocabulary and the corpus is not the one the peers' figures were measured on).
PEER_PACKAGES=(xapian-omega xapian-tools sqlite3 time wamerican)
ensure_peer_packages() {
    local missing=() p
    for p in "${PEER_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return
    if [ "$(id -u)" -eq 0 ]; then
        note "installing ${missing[*]}"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        die "missing packages: ${missing[*]} (as root: apt-get install ${missing[*]})"
    fi
}

# Benchmarks measure the release build; a debug or sanitizer build would mislead.
require_release_build() {
    [ -x "$INDEX_BIN" ] && [ -x "$SEARCH_BIN" ] || die "no binaries in $BUILD (run scripts/setup first)"
    local type
    type="$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD/CMakeCache.txt")"
    [ "$type" = Release ] || [ -n "${BENCH_ANY_BUILD:-}" ] ||
        die "$BUILD is a '$type' build; benchmarks need Release (or BENCH_ANY_BUILD=1)"
}

# ensure_corpus WORK ARTICLES QUERIES: the synthetic corpus and its queries, generated once
# per size (deterministic seed) and reused by later runs.
ensure_corpus() {
    local work="$1" n="$2" m="$3"
    CORPUS="$work/corpus-$n.jsonl"
    QUERIES="$work/queries-$n-$m.txt"
    mkdir -p "$work"
    if [ ! -s "$CORPUS" ] || [ ! -s "$QUERIES" ]; then
        note "generating $n articles and $m queries in $work"
        "$PY" "$PEERS/gen_corpus.py" -n "$n" -m "$m" --out "$CORPUS" --queries "$QUERIES"
    fi
}

# ensure_dipnews_index WORK: our index of $CORPUS, built once (timed, compaction included,
# as the Xapian peer's) and reused while this searcher can read it (same schema version)
# and no newer indexer has been built (a new indexer may weight terms differently).
ensure_dipnews_index() {
    DIPNEWS_DB="$1/dipnews-$(basename "$CORPUS" .jsonl).db"
    if [ ! -f "$DIPNEWS_DB.complete" ] || [ "$INDEX_BIN" -nt "$DIPNEWS_DB.complete" ] || ! "$SEARCH_BIN" --db "$DIPNEWS_DB" --count '*' >/dev/null 2>&1; then
        rm -rf "$DIPNEWS_DB"
        measure "$INDEX_BIN" --quiet --compact --db "$DIPNEWS_DB" "$CORPUS"
        report_index dipnews "$M_SECONDS" "$(path_bytes "$DIPNEWS_DB")" "$M_RSS_KB" "$(count_lines "$CORPUS")" \
            "$(path_bytes "$CORPUS")"
        touch "$DIPNEWS_DB.complete"
    fi
}

# ensure_peer_index PEER WORK: a peer's index of $CORPUS (index_PEER.sh), built once.
ensure_peer_index() {
    local peer="$1" out="$2/$1-$(basename "$CORPUS" .jsonl)"
    if [ ! -f "$out.complete" ]; then
        rm -rf "$out"
        "$PEERS/index_$peer.sh" "$CORPUS" "$out" > /dev/null
        touch "$out.complete"
    fi
    PEER_INDEX="$out"
}

# percentile P FILE: the P-th percentile (nearest rank) of the numbers in FILE, one per line.
percentile() {
    sort -n "$2" | awk -v p="$1" '{ v[NR] = $1 } END { i = int((p / 100) * NR + 0.999999); if (i < 1) i = 1; print v[i] }'
}

# timed CMD...: runs CMD (redirections apply to it) and sets T_WALL (s), T_CPU (user + system
# s) and T_RSS_KB. Unlike the peers' measure, it can time the same command many times in a
# round-robin and reports CPU time, which the host's steal does not inflate.
timed() {
    local tf t0 t1 rc=0
    tf="$(mktemp /tmp/dipnews-time.XXXXXX)"
    t0="$(date +%s.%N)"
    /usr/bin/time -f '%U %S %M' -o "$tf" "$@" || rc=$?
    t1="$(date +%s.%N)"
    [ "$rc" -eq 0 ] || { rm -f "$tf"; die "command failed (exit $rc): $*"; }
    read -r T_USER T_SYS T_RSS_KB < <(tail -n 1 "$tf")
    T_WALL="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')"
    T_CPU="$(awk -v u="$T_USER" -v s="$T_SYS" 'BEGIN { printf "%.2f", u + s }')"
    rm -f "$tf"
}

# The host's CPU accounting (/proc/stat, all CPUs): ticks stolen by the hypervisor for other
# guests, and all ticks. Their change over a run says how noisy its timings are.
cpu_steal_ticks() { awk '/^cpu / { print $9 }' /proc/stat; }
cpu_total_ticks() { awk '/^cpu / { t = 0; for (i = 2; i <= NF; i++) t += $i; print t }' /proc/stat; }
