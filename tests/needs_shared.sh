#!/usr/bin/env bash
# Runs a test that needs ../shared, the data beside a developer's checkout (peer benchmark
# harness, the user's seed article) that a user's clone does not have. Where the data is
# missing the test is reported as skipped (exit 77, CTest's SKIP_RETURN_CODE), naming what it
# needs: never a failure, never a silent pass. DIPNEWS_SHARED_DIR points elsewhere.
#   needs_shared.sh DEFAULT_SHARED_DIR NEEDED_PATH COMMAND [ARG]...
set -euo pipefail
shared=${DIPNEWS_SHARED_DIR:-$1}
needed=$shared/$2
shift 2
if [ ! -e "$needed" ]; then
  echo "skipped: this opt-in test needs $needed, which is not here (set DIPNEWS_SHARED_DIR to run it)"
  exit 77
fi
export DIPNEWS_SHARED_DIR=$shared PEERS_HARNESS=$shared/bench
exec "$@"
