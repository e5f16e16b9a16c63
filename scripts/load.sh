#!/usr/bin/env bash
# Load against references that do the same work (issue 35): the release server beside the
# same-work reference (Benchmarks/same-work), each Credence route paired with the reference
# doing the least that route can cost — the bare framework, the same bytes served from
# memory, the same employer's rows read by a cached prepared statement. wrk -t2 -cN, each
# pair back to back (alternating who goes first), ROUNDS rounds; prints every round and the
# medians; then peak memory and cold start.
#   scripts/load.sh [SECONDS] [CONNECTIONS] [ROUNDS]
#   release builds first:
#     swift build -c release --product credence
#     swift build -c release --package-path Benchmarks/same-work --scratch-path .build-same-work
cd "$(dirname "$0")/.."
# Before lib.sh, which defaults to the debug build.
CREDENCE=${CREDENCE:-.build/release/credence}
source scripts/lib.sh
SECONDS_EACH=${1:-10}
CONNECTIONS=${2:-64}
ROUNDS=${3:-3}
SAME_WORK=${SAME_WORK:-.build-same-work/release/SameWork}
[ -x "$CREDENCE" ] || { echo "no release build at $CREDENCE (see the header)" >&2; exit 1; }
[ -x "$SAME_WORK" ] || { echo "no same-work reference at $SAME_WORK (see the header)" >&2; exit 1; }
export CREDENCE_DATA_DIR=$(mktemp -d /tmp/credence-load.XXXXXX)
export CREDENCE_BENCHMARK_ROUTES=1
PORT=${PORT:-18432}
REF_PORT=${REF_PORT:-18431}
BLOBS=$CREDENCE_DATA_DIR/blobs
mkdir -p "$BLOBS"
trap 'kill $SERVER_PID $REF_PID 2>/dev/null || true; rm -rf "$CREDENCE_DATA_DIR"' EXIT
serve "$PORT"
base=http://127.0.0.1:$PORT
EMPLOYER=$(employer_token "$PORT" Acme)
for i in $(seq 1 20); do
  curl -sf -X POST "$base/api/v1/verification-requests" -H "Authorization: Bearer $EMPLOYER" \
    -H 'Content-Type: application/json' \
    -d '{"entryId": "cfa", "holder": {"name": "Load Tester", "nationality": "GB"}, "certificateNumber": "'$i'", "holderConsent": true}' > /dev/null
done
# The worked example of benefits-rules.md: one qualification.
BENEFITS_BODY='{"qualifications": ["cka"], "nationality": "foreign", "age": 68, "highTechIndustry": true, "relevantExperienceYears": 3, "workRelatedTo": ["cka"], "workZone": "tianjin-port-dongjiang"}'
cat > "$CREDENCE_DATA_DIR/benefits.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$BENEFITS_BODY'
LUA
# The exact bytes Credence answers, for the reference to send.
curl -sf "$base/api/v1/entries/cfa" -o "$BLOBS/entry.json"
curl -sf "$base/api/v1/search?q=cfa" -o "$BLOBS/search.json"
curl -sf "$base/entries/cfa" -o "$BLOBS/entry.html"
curl -sf -X POST "$base/api/v1/benefits" -H 'Content-Type: application/json' -d "$BENEFITS_BODY" -o "$BLOBS/benefits.json"
curl -sf "$base/api/v1/verification-requests?limit=20" -H "Authorization: Bearer $EMPLOYER" -o "$CREDENCE_DATA_DIR/list.json"
PORT=$REF_PORT BLOB_DIR=$BLOBS LIST_DB=$CREDENCE_DATA_DIR/credence.sqlite "$SAME_WORK" > "$CREDENCE_DATA_DIR/reference.log" 2>&1 &
REF_PID=$!
ref=http://127.0.0.1:$REF_PORT
for _ in $(seq 1 100); do curl -sf "$ref/hello" > /dev/null && break; sleep 0.1; done
curl -sf "$ref/list" -o "$CREDENCE_DATA_DIR/reference-list.json"
for blob in entry.json search.json entry.html benefits.json; do
  curl -sf "$ref/blob/$blob" | cmp -s - "$BLOBS/$blob" || { echo "the reference does not send $blob as Credence does" >&2; exit 1; }
done

wrk_rps() {  # URL [wrk args…] → requests/s
  local url=$1; shift
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" "$@" "$url" | awk '/Requests\/sec/ {print $2}'
}
# name | Credence's path | the reference's path | goal | wrk args (for both)
PAIRS=(
  "hello|/_bench/hello|/hello|0.90|"
  "entry-json|/api/v1/entries/cfa|/blob/entry.json|0.90|"
  "search|/api/v1/search?q=cfa|/blob/search.json|0.90|"
  "entry-page|/entries/cfa|/blob/entry.html|0.85|"
  "benefits|/api/v1/benefits|/blob/benefits.json|0.60|-s $CREDENCE_DATA_DIR/benefits.lua"
  "list|/api/v1/verification-requests?limit=20|/list|0.80|"
)
RESULTS=$CREDENCE_DATA_DIR/results.txt
for round in $(seq 1 "$ROUNDS"); do
  for pair in "${PAIRS[@]}"; do
    IFS='|' read -r name path ref_path goal args <<< "$pair"
    auth=()
    [ "$name" = list ] && auth=(-H "Authorization: Bearer $EMPLOYER")
    # shellcheck disable=SC2086
    if [ $((round % 2)) = 1 ]; then
      ours=$(wrk_rps "$base$path" $args "${auth[@]}"); theirs=$(wrk_rps "$ref$ref_path" $args)
    else
      theirs=$(wrk_rps "$ref$ref_path" $args); ours=$(wrk_rps "$base$path" $args "${auth[@]}")
    fi
    echo "$round $name $ours $theirs $goal" >> "$RESULTS"
  done
done
python3 - "$RESULTS" "$BLOBS" "$CREDENCE_DATA_DIR" <<'PY'
import os, statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
names = list(dict.fromkeys(r[1] for r in rows))
size = {"entry-json": "entry.json", "search": "search.json", "entry-page": "entry.html", "benefits": "benefits.json"}
def kb(path): return f"{os.path.getsize(path) / 1024:.1f} kB"
print(f"{'route':<11} {'Credence req/s':>15} {'reference req/s':>16} {'rounds':>20} {'median':>7} {'goal':>5}  bytes (Credence / reference)")
for name in names:
    mine = [r for r in rows if r[1] == name]
    ours = [float(r[2]) for r in mine]; theirs = [float(r[3]) for r in mine]
    ratios = [o / t for o, t in zip(ours, theirs)]
    goal = float(mine[0][4])
    median = statistics.median(ratios)
    if name == "list":
        sizes = f"{kb(os.path.join(sys.argv[3], 'list.json'))} / {kb(os.path.join(sys.argv[3], 'reference-list.json'))}"
    elif name in size:
        sizes = kb(os.path.join(sys.argv[2], size[name]))
    else:
        sizes = ""
    print(f"{name:<11} {statistics.median(ours):>15.0f} {statistics.median(theirs):>16.0f} "
          f"{' '.join(f'{r:.2f}' for r in ratios):>20} {median:>7.2f} {goal:>5.2f}{'' if median >= goal else ' (missed)'}  {sizes}")
PY
echo "peak RSS under load: $(awk '/VmHWM/ {print $2, $3}' /proc/$SERVER_PID/status)"
kill $SERVER_PID; wait $SERVER_PID 2>/dev/null || true
# Cold start on the existing database: process start to the first answered request.
start=$(date +%s.%N)
serve "$PORT"
echo "cold start to first answer: $(echo "($(date +%s.%N) - $start) * 1000" | bc -l | cut -d. -f1) ms (existing database)"
