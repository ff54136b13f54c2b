#!/usr/bin/env bash
# The code never copies Xapian::Query::MatchAll or Query::MatchNothing: they are static
# objects whose reference counts Xapian 1.4 changes without atomics, and batch workers
# copying them at once crashed a search (searcher/fresh_queries.h builds fresh ones).
set -euo pipefail
root=$1
if hits=$(grep -rn --include='*.cc' --include='*.h' -E 'Query::Match(All|Nothing)\b' \
            "$root/common" "$root/indexer" "$root/searcher" | grep -v '/fresh_queries.h:'); then
  echo "use match_all_query() / match_nothing_query() (searcher/fresh_queries.h) instead of:" >&2
  echo "$hits" >&2
  exit 1
fi
echo "ok: no shared Xapian static queries"
