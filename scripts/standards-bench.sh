#!/usr/bin/env bash
# The published service standards with a million requests in PostgreSQL (issue 17): fills
# DATABASE_URL's database with 1,000,000 completed requests over the last year (and 100,000
# ratings), counts them with `credence service-standards --rebuild`, then times
# GET /api/v1/service-standards and /service-standards from a running server.
#   DATABASE_URL=postgres://… scripts/standards-bench.sh [REQUESTS]   (release build by default)
cd "$(dirname "$0")/.."
CREDENCE=${CREDENCE:-.build/release/credence}
source scripts/lib.sh
: "${DATABASE_URL:?set DATABASE_URL to an empty PostgreSQL database}"
COUNT=${1:-1000000}
export CREDENCE_DATA_DIR=$(mktemp -d /tmp/credence-standards.XXXXXX)
PORT=${PORT:-18436}
trap 'kill $SERVER_PID 2>/dev/null || true; rm -rf "$CREDENCE_DATA_DIR"' EXIT
serve "$PORT"  # migrates
employer_token "$PORT" "Bench$RANDOM" > /dev/null
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
# Every catalog entry with its issuing body, as the registry pairs them.
PAIRS=$(python3 - <<'PY'
import json
bodies = json.load(open("Sources/CredenceCore/Resources/issuing-bodies.json"))["issuingBodies"]
pairs = [(entry, body["id"]) for body in bodies for entry in body["entries"]]
print("ARRAY[" + ",".join(f"'{e}'" for e, _ in pairs) + "]|ARRAY[" + ",".join(f"'{b}'" for _, b in pairs) + "]")
PY
)
ENTRIES=${PAIRS%%|*}; BODIES=${PAIRS##*|}
start=$(date +%s)
psql -q "$DATABASE_URL" -v ON_ERROR_STOP=1 <<SQL
-- Accepted 0–11 days before completion, estimated at 5 working days' worth of calendar days;
-- outcomes 3 authentic : 1 not authentic : 1 unable; completions spread over the last 365 days.
INSERT INTO verification_requests (id, employer_id, entry_id, edition_id, issuing_body_id, holder_name, holder_nationality,
  certificate_number, status, outcome, accepted_on, estimated_completion_on, completed_at, created_at, updated_at)
SELECT gen_random_uuid(), (SELECT id FROM users WHERE role = 'employer' LIMIT 1), ($ENTRIES)[1 + g % cardinality($ENTRIES)],
  'tianjin-2023', ($BODIES)[1 + g % cardinality($BODIES)], 'Bench Holder', 'GB', 'B-' || g, 'completed',
  (ARRAY['authentic','authentic','authentic','not_authentic','unable_to_verify'])[1 + g % 5],
  to_char(d - ((g % 12) || ' days')::interval, 'YYYY-MM-DD'), to_char(d - ((g % 12) || ' days')::interval + interval '7 days', 'YYYY-MM-DD'),
  d, d - interval '20 days', d
FROM generate_series(1, $COUNT) g, LATERAL (SELECT now() - ((g % 365) || ' days')::interval - ((g % 86400) || ' seconds')::interval AS d) t;
INSERT INTO ratings (request_id, issuing_body_id, score, comment, created_at)
SELECT id, issuing_body_id, 1 + (abs(hashtext(id::text)) % 5), NULL, completed_at FROM verification_requests LIMIT $COUNT / 10;
ANALYZE;
SQL
echo "filled in $(( $(date +%s) - start )) s: $(psql -tA "$DATABASE_URL" -c 'SELECT count(*) FROM verification_requests') requests, $(psql -tA "$DATABASE_URL" -c 'SELECT count(*) FROM ratings') ratings"
start=$(date +%s)
"$CREDENCE" service-standards --rebuild | head -3
echo "counted again in $(( $(date +%s) - start )) s; $(psql -tA "$DATABASE_URL" -c 'SELECT count(*) FROM service_completions') counter rows"
serve "$PORT"
for path in /api/v1/service-standards /service-standards; do
  python3 - "http://127.0.0.1:$PORT$path" <<'PY'
import sys, time, urllib.request
url = sys.argv[1]
urllib.request.urlopen(url).read()  # warm
times = []
for _ in range(200):
    start = time.perf_counter()
    with urllib.request.urlopen(url) as response:
        response.read()
    times.append((time.perf_counter() - start) * 1000)
times.sort()
print(f"{url}: 200 requests, median {times[100]:.1f} ms, p95 {times[190]:.1f} ms, max {times[-1]:.1f} ms")
PY
done
