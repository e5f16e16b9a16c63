#!/usr/bin/env bash
# Finding a request among 100,000 (issue 18): one employer uploads 200 batches of 500
# holders (the real path: each batch's requests and search terms in one commit), then
# GET /api/v1/verification-requests?q= is timed for a name word, a whole name's start and
# a certificate number, 500 times each, one after another. SQLite in a throwaway folder,
# or PostgreSQL when DATABASE_URL is set.
#   scripts/search-bench.sh [BATCHES]     (release build by default)
cd "$(dirname "$0")/.."
CREDENCE=${CREDENCE:-.build/release/credence}
source scripts/lib.sh
BATCHES=${1:-200}
export CREDENCE_DATA_DIR=$(mktemp -d /tmp/credence-search.XXXXXX)
PORT=${PORT:-18437}
trap 'kill $SERVER_PID 2>/dev/null || true; rm -rf "$CREDENCE_DATA_DIR"' EXIT
serve "$PORT"
TOKEN=$(employer_token "$PORT" "Search$RANDOM")
python3 - "$PORT" "$TOKEN" "$BATCHES" <<'PY'
import json, random, sys, time, urllib.parse, urllib.request
port, token, batches = sys.argv[1], sys.argv[2], int(sys.argv[3])
base = f"http://127.0.0.1:{port}"
first = ["Jan", "Ana", "Li", "Emily", "Omar", "Sofia", "Hiro", "Priya", "Lucas", "Chen", "Fatima", "Noah"]
last = ["Kowalski", "Souza", "Wei", "Clarke", "Haddad", "Rossi", "Tanaka", "Sharma", "Martin", "Zhang", "Khan", "Smith"]
rng = random.Random(7)
with urllib.request.urlopen(f"{base}/api/v1/verification-batches/template?lang=en") as response:
    header = response.read().decode("utf-8-sig").splitlines()[0]
start = time.time()
for b in range(batches):
    rows = [f"cfa,{rng.choice(first)} {rng.choice(last)}{rng.randrange(1000)},GB,,,C-{b:04d}-{i:03d},,,,yes" for i in range(500)]
    request = urllib.request.Request(f"{base}/api/v1/verification-batches", data=("\r\n".join([header] + rows) + "\r\n").encode(),
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "text/csv"}, method="POST")
    urllib.request.urlopen(request).read()
print(f"{batches * 500} requests submitted in {time.time() - start:.0f} s")
for label, q in [("a word of the name", "kowalski1"), ("the start of a name", "Jan Kow"), ("a certificate number", "C-0123-456"), ("nothing", "zzzz")]:
    times, found = [], 0
    url = f"{base}/api/v1/verification-requests?q={urllib.parse.quote(q)}&limit=20"
    for _ in range(500):
        t = time.perf_counter()
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})) as response:
            found = len(json.load(response)["requests"])
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(f"q={q!r} ({label}, {found} on the first page): median {times[250]:.1f} ms, p99 {times[494]:.1f} ms, max {times[-1]:.1f} ms")
PY
