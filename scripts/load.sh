#!/usr/bin/env bash
# Load: wrk against the read paths and an authenticated list, beside two references in the
# same run: a separate bare Hummingbird server (Benchmarks/BareHello: one route, no
# middleware) and Credence's own /_bench/hello (its full middleware, no work). Prints
# requests/s, p50/p99 and the ratio to each; then peak memory and cold start.
#   scripts/load.sh [SECONDS] [CONNECTIONS]
#   (release build: swift build -c release --product credence && swift build -c release --product bare-hello)
cd "$(dirname "$0")/.."
# Before lib.sh, which defaults to the debug build (the earlier figures were measured on it by this mistake).
CREDENCE=${CREDENCE:-.build/release/credence}
source scripts/lib.sh
SECONDS_EACH=${1:-10}
CONNECTIONS=${2:-64}
export CREDENCE_DATA_DIR=$(mktemp -d /tmp/credence-load.XXXXXX)
export CREDENCE_BENCHMARK_ROUTES=1
PORT=${PORT:-18432}
BARE_PORT=${BARE_PORT:-18431}
BARE=${BARE:-$(dirname "$CREDENCE")/bare-hello}
"$BARE" "$BARE_PORT" > /dev/null 2>&1 &
BARE_PID=$!
trap 'kill $SERVER_PID $BARE_PID 2>/dev/null || true; rm -rf "$CREDENCE_DATA_DIR"' EXIT
serve "$PORT"
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$BARE_PORT/hello" > /dev/null && break; sleep 0.1; done
EMPLOYER=$(employer_token "$PORT" Acme)
for i in $(seq 1 20); do
  curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/verification-requests" -H "Authorization: Bearer $EMPLOYER" \
    -H 'Content-Type: application/json' \
    -d '{"entryId": "cfa", "holder": {"name": "Load Tester", "nationality": "GB"}, "certificateNumber": "'$i'", "holderConsent": true}' > /dev/null
done
cat > "$CREDENCE_DATA_DIR/benefits.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"qualifications": ["cka"], "nationality": "foreign", "age": 68, "highTechIndustry": true, "relevantExperienceYears": 3, "workRelatedTo": ["cka"], "workZone": "tianjin-port-dongjiang"}'
LUA
run() {  # name path [wrk args…]
  local name=$1 path=$2 port=$PORT; shift 2
  if [ "$name" = bare ]; then port=$BARE_PORT; fi
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$@" "http://127.0.0.1:$port$path" > "$CREDENCE_DATA_DIR/$name.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$CREDENCE_DATA_DIR/$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$CREDENCE_DATA_DIR/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$CREDENCE_DATA_DIR/$name.txt")
  echo "$name $rps $p50 $p99"
}
# The machine's speed drifts from one run to the next (the bare server alone measured
# 18,000-33,000 req/s within minutes), so each route is measured right after its own bare
# run and compared with that one.
paired() {  # name path [wrk args…]
  local bare_line
  bare_line=$(run bare /hello)
  echo "$(run "$@") ${bare_line#bare }"
}
{
  paired hello /_bench/hello
  paired entries /api/v1/entries
  paired search "/api/v1/search?q=cfa"
  paired entry /api/v1/entries/cfa
  paired entry-page /entries/cfa
  paired benefits /api/v1/benefits -s "$CREDENCE_DATA_DIR/benefits.lua"
  paired requests-list /api/v1/verification-requests -H "Authorization: Bearer $EMPLOYER"
} > "$CREDENCE_DATA_DIR/results.txt"
hello_ratio=$(awk '$1 == "hello" {print $2 / $5}' "$CREDENCE_DATA_DIR/results.txt")
printf '%-14s %12s %9s %9s %12s %8s %9s\n' route requests/s p50 p99 "bare req/s" "vs bare" "vs hello"
while read -r name rps p50 p99 bare _ _; do
  ratio=$(echo "$rps / $bare" | bc -l)
  printf '%-14s %12s %9s %9s %12s %8.2f %9.2f\n' "$name" "$rps" "$p50" "$p99" "$bare" "$ratio" "$(echo "$ratio / $hello_ratio" | bc -l)"
done < "$CREDENCE_DATA_DIR/results.txt"
echo "peak RSS under load: $(awk '/VmHWM/ {print $2, $3}' /proc/$SERVER_PID/status)"
kill $SERVER_PID; wait $SERVER_PID 2>/dev/null || true
# Cold start on the existing database: process start to the first answered request.
start=$(date +%s.%N)
serve "$PORT"
echo "cold start to first answer: $(echo "($(date +%s.%N) - $start) * 1000" | bc -l | cut -d. -f1) ms (existing database)"
