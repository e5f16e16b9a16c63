#!/usr/bin/env bash
# Each fault of issue 13 against a real server: behind a proxy, 24,000 half-open
# connections, PostgreSQL stopped and started, SIGTERM under load, TLS, a full disk,
# retention. Prints what held; exits 1 if anything did not.
#   scripts/faults.sh [--binary .build/release/credence] [--only proxy,tls,...]
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 scripts/faults.py "$@"
