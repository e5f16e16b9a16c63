# Shared by the scripts: start a Credence server on a throwaway data folder, make users, get tokens.
# Source it; needs python3 and curl.
set -euo pipefail
CREDENCE=${CREDENCE:-.build/debug/credence}

# totp SECRET — the current RFC 6238 code for a base32 secret.
totp() {
  python3 - "$1" <<'PY'
import base64, hashlib, hmac, struct, sys, time
secret = sys.argv[1]
key = base64.b32decode(secret + "=" * ((8 - len(secret) % 8) % 8))
mac = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
offset = mac[-1] & 15
print("%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000))
PY
}

# serve PORT — starts the server in the background on $CREDENCE_DATA_DIR (or DATABASE_URL); sets SERVER_PID.
serve() {
  "$CREDENCE" serve --port "$1" --log-level warning > "${CREDENCE_DATA_DIR:-/tmp}/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$1/healthz" > /dev/null && return 0
    sleep 0.1
  done
  echo "server did not start" >&2
  return 1
}

# staff_token PORT ROLE [DEPARTMENT] — creates a staff user of ROLE (a reviewer of DEPARTMENT) and prints a bearer token for it.
staff_token() {
  local email="$2-$RANDOM@credence.example" output secret
  output=$(printf 'a long script passphrase' | "$CREDENCE" users create --role "$2" ${3:+--department "$3"} --email "$email" --name "$2")
  secret=$(echo "$output" | awk '/secret:/ {print $2}')
  curl -sf -X POST "http://127.0.0.1:$1/api/v1/tokens" -H 'Content-Type: application/json' \
    -d "{\"email\": \"$email\", \"password\": \"a long script passphrase\", \"totp\": \"$(totp "$secret")\"}" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}

# employer_token PORT NAME — registers an employer and prints a bearer token for it.
employer_token() {
  local email="hr-$2-$RANDOM@employer.example"
  curl -sf -X POST "http://127.0.0.1:$1/api/v1/employers" -H 'Content-Type: application/json' -d "{
    \"organizationName\": \"$2\", \"unifiedSocialCreditCode\": \"9144030071526726XG\", \"contactName\": \"HR\",
    \"email\": \"$email\", \"phone\": \"022 1234 5678\", \"password\": \"a long script passphrase\"}" > /dev/null
  curl -sf -X POST "http://127.0.0.1:$1/api/v1/tokens" -H 'Content-Type: application/json' \
    -d "{\"email\": \"$email\", \"password\": \"a long script passphrase\"}" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}
