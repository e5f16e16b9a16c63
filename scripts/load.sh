#!/usr/bin/env bash
# Load against references that do the same work (issue 35): the release server beside the
# same-work reference (Benchmarks/same-work), each Credence route paired with the reference
# doing the least that route can cost — the bare framework, the same bytes served from
# memory, the same employer's rows read by a cached prepared statement. wrk -t2 -cN, each
# pair back to back (alternating who goes first), ROUNDS rounds; prints every round and the
# medians; then peak memory and cold start.
#   scripts/load.sh [SECONDS] [CONNECTIONS] [ROUNDS]
#   LOAD_PG_URL=postgres://…/postgres scripts/load.sh …   also the list on PostgreSQL (issue 45):
#     a second Credence on a new database there, beside the reference's /list-pg
#   LOAD_ONLY='list list-pg' scripts/load.sh …   only these pairs (while working on one path)
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
PG_PID=; PG_DB=
cleanup() {
  kill $SERVER_PID $REF_PID $PG_PID 2>/dev/null || true
  [ -n "$PG_DB" ] && { sleep 0.5; psql "$LOAD_PG_URL" -qc "DROP DATABASE IF EXISTS $PG_DB" 2>/dev/null || true; }
  rm -rf "$CREDENCE_DATA_DIR"
}
trap cleanup EXIT
serve "$PORT"
base=http://127.0.0.1:$PORT
# twenty_requests BASE TOKEN — the employer's 20 requests the list reads.
twenty_requests() {
  for i in $(seq 1 20); do
    curl -sf -X POST "$1/api/v1/verification-requests" -H "Authorization: Bearer $2" \
      -H 'Content-Type: application/json' \
      -d '{"entryId": "cfa", "holder": {"name": "Load Tester", "nationality": "GB"}, "certificateNumber": "'$i'", "holderConsent": true}' > /dev/null
  done
}
EMPLOYER=$(employer_token "$PORT" Acme)
twenty_requests "$base" "$EMPLOYER"
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
# The answer with every route whole (issue 45: what ?include=routes costs); a build without it answers as before.
curl -sf -X POST "$base/api/v1/benefits?include=routes" -H 'Content-Type: application/json' -d "$BENEFITS_BODY" -o "$BLOBS/benefits-routes.json"
curl -sf "$base/api/v1/verification-requests?limit=20" -H "Authorization: Bearer $EMPLOYER" -o "$CREDENCE_DATA_DIR/list.json"
# The list on PostgreSQL: a second Credence on a new database, the same employer's 20 requests.
if [ -n "${LOAD_PG_URL:-}" ]; then
  PG_DB=credence_load_$$
  psql "$LOAD_PG_URL" -qc "CREATE DATABASE $PG_DB"
  PG_URL=$(python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' "$LOAD_PG_URL" "$PG_DB")
  PG_PORT=${PG_PORT:-18435}
  SQLITE_PID=$SERVER_PID
  mkdir -p "$CREDENCE_DATA_DIR/pg"
  CREDENCE_DATA_DIR=$CREDENCE_DATA_DIR/pg DATABASE_URL=$PG_URL serve "$PG_PORT"
  PG_PID=$SERVER_PID; SERVER_PID=$SQLITE_PID
  pgbase=http://127.0.0.1:$PG_PORT
  PG_EMPLOYER=$(employer_token "$PG_PORT" Acme)
  twenty_requests "$pgbase" "$PG_EMPLOYER"
  curl -sf "$pgbase/api/v1/verification-requests?limit=20" -H "Authorization: Bearer $PG_EMPLOYER" -o "$CREDENCE_DATA_DIR/list-pg.json"
fi
PORT=$REF_PORT BLOB_DIR=$BLOBS LIST_DB=$CREDENCE_DATA_DIR/credence.sqlite LIST_PG_URL=${PG_URL:-} "$SAME_WORK" > "$CREDENCE_DATA_DIR/reference.log" 2>&1 &
REF_PID=$!
ref=http://127.0.0.1:$REF_PORT
for _ in $(seq 1 100); do curl -sf "$ref/hello" > /dev/null && break; sleep 0.1; done
curl -sf "$ref/list" -o "$CREDENCE_DATA_DIR/reference-list.json"
[ -n "${PG_URL:-}" ] && curl -sf "$ref/list-pg" -o "$CREDENCE_DATA_DIR/reference-list-pg.json"
for blob in entry.json search.json entry.html benefits.json benefits-routes.json; do
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
  "benefits+routes|/api/v1/benefits?include=routes|/blob/benefits-routes.json|0|-s $CREDENCE_DATA_DIR/benefits.lua"
  "list|/api/v1/verification-requests?limit=20|/list|0.80|"
)
[ -n "${PG_URL:-}" ] && PAIRS+=("list-pg|/api/v1/verification-requests?limit=20|/list-pg|0.80|")
RESULTS=$CREDENCE_DATA_DIR/results.txt
for round in $(seq 1 "$ROUNDS"); do
  for pair in "${PAIRS[@]}"; do
    IFS='|' read -r name path ref_path goal args <<< "$pair"
    [ -n "${LOAD_ONLY:-}" ] && [[ " $LOAD_ONLY " != *" $name "* ]] && continue
    auth=(); ours_base=$base
    [ "$name" = list ] && auth=(-H "Authorization: Bearer $EMPLOYER")
    [ "$name" = list-pg ] && { auth=(-H "Authorization: Bearer $PG_EMPLOYER"); ours_base=$pgbase; }
    # shellcheck disable=SC2086
    if [ $((round % 2)) = 1 ]; then
      ours=$(wrk_rps "$ours_base$path" $args "${auth[@]}"); theirs=$(wrk_rps "$ref$ref_path" $args)
    else
      theirs=$(wrk_rps "$ref$ref_path" $args); ours=$(wrk_rps "$ours_base$path" $args "${auth[@]}")
    fi
    echo "$round $name $ours $theirs $goal" >> "$RESULTS"
  done
done
python3 - "$RESULTS" "$BLOBS" "$CREDENCE_DATA_DIR" <<'PY'
import os, statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
names = list(dict.fromkeys(r[1] for r in rows))
size = {"entry-json": "entry.json", "search": "search.json", "entry-page": "entry.html", "benefits": "benefits.json",
        "benefits+routes": "benefits-routes.json"}
def kb(path): return f"{os.path.getsize(path) / 1024:.1f} kB"
print(f"{'route':<15} {'Credence req/s':>15} {'reference req/s':>16} {'rounds':>20} {'median':>7} {'goal':>5}  bytes (Credence / reference)")
for name in names:
    mine = [r for r in rows if r[1] == name]
    ours = [float(r[2]) for r in mine]; theirs = [float(r[3]) for r in mine]
    ratios = [o / t for o, t in zip(ours, theirs)]
    goal = float(mine[0][4])
    median = statistics.median(ratios)
    if name in ("list", "list-pg"):
        suffix = "" if name == "list" else "-pg"
        sizes = f"{kb(os.path.join(sys.argv[3], f'list{suffix}.json'))} / {kb(os.path.join(sys.argv[3], f'reference-list{suffix}.json'))}"
    elif name in size:
        sizes = kb(os.path.join(sys.argv[2], size[name]))
    else:
        sizes = ""
    verdict = f"{'—':>5}" if goal == 0 else f"{goal:>5.2f}{'' if median >= goal else ' (missed)'}"
    print(f"{name:<15} {statistics.median(ours):>15.0f} {statistics.median(theirs):>16.0f} "
          f"{' '.join(f'{r:.2f}' for r in ratios):>20} {median:>7.2f} {verdict}  {sizes}")
PY
echo "peak RSS under load: $(awk '/VmHWM/ {print $2, $3}' /proc/$SERVER_PID/status)"
kill $SERVER_PID; wait $SERVER_PID 2>/dev/null || true
# Cold start on the existing database: process start to the first answered request.
start=$(date +%s.%N)
serve "$PORT"
echo "cold start to first answer: $(echo "($(date +%s.%N) - $start) * 1000" | bc -l | cut -d. -f1) ms (existing database)"
