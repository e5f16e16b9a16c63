#!/usr/bin/env bash
# A 500-row batch on SQLite (release build): the time of POST /api/v1/verification-batches,
# five fresh batches in a row. Prints; asserts nothing.
#   scripts/batch-bench.sh   (swift build -c release --product credence)
cd "$(dirname "$0")/.."
CREDENCE=${CREDENCE:-.build/release/credence}
source scripts/lib.sh
export CREDENCE_DATA_DIR=$(mktemp -d /tmp/credence-batch.XXXXXX)
PORT=${PORT:-18444}
serve "$PORT"
trap 'kill $SERVER_PID 2>/dev/null || true; rm -rf "$CREDENCE_DATA_DIR"' EXIT
EMPLOYER=$(employer_token "$PORT" Batch)
for run in 1 2 3 4 5; do
  { echo "entry (id or seq),holder name,nationality (ISO 3166-1 alpha-2),date of birth,passport number,certificate number,issued on,expires on,note,holder consent (yes/no)"
    for i in $(seq 1 500); do echo "cfa,Holder $i,GB,1990-01-01,P$run$i$RANDOM,CERT-$run-$i,,,,yes"; done; } > "$CREDENCE_DATA_DIR/batch.csv"
  curl -s -o /dev/null -w "run $run: HTTP %{http_code} in %{time_total} s\n" -X POST "http://127.0.0.1:$PORT/api/v1/verification-batches" \
    -H "Authorization: Bearer $EMPLOYER" -H 'Content-Type: text/csv' --data-binary @"$CREDENCE_DATA_DIR/batch.csv"
done
