#!/usr/bin/env bash
# Submissions alone: wrk posting verification requests (64 connections, one employer) against
# a release server, no crash — the server's sustained submissions/s and latency without the
# Python clients of durability.py sharing the cores. SQLite in a throwaway folder, or
# PostgreSQL when DATABASE_URL is set.
#   scripts/submit-load.sh [SECONDS] [CONNECTIONS]     (release build: swift build -c release)
cd "$(dirname "$0")/.."
CREDENCE=${CREDENCE:-.build/release/credence}
source scripts/lib.sh
SECONDS_EACH=${1:-10}
CONNECTIONS=${2:-64}
export CREDENCE_DATA_DIR=$(mktemp -d /tmp/credence-submit.XXXXXX)
PORT=${PORT:-18435}
trap 'kill $SERVER_PID 2>/dev/null || true; rm -rf "$CREDENCE_DATA_DIR"' EXIT
serve "$PORT"
EMPLOYER=$(employer_token "$PORT" "Load$RANDOM")
cat > "$CREDENCE_DATA_DIR/submit.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $EMPLOYER"
wrk.body = '{"entryId": "cfa", "holder": {"name": "Load Tester", "nationality": "GB", "passportNumber": "E12345678"}, "certificateNumber": "123", "holderConsent": true}'
LUA
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s "$CREDENCE_DATA_DIR/submit.lua" \
  "http://127.0.0.1:$PORT/api/v1/verification-requests" | grep -E "Requests/sec|Non-2xx|50%|99%"
