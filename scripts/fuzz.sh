#!/usr/bin/env bash
# API fuzzing: schemathesis against the served OpenAPI document, anonymous and as each role.
# Checks: no 5xx, every response (status and body) as the spec says.
#   scripts/fuzz.sh [EXAMPLES]   (default 30 per operation and phase: ~2,500 cases per role, ~10,000 in all)
# SEED=n makes a run repeatable (CI uses one); SCHEMATHESIS names the program.
# Needs schemathesis (pip install schemathesis); makes a throwaway data folder.
cd "$(dirname "$0")/.."
source scripts/lib.sh
EXAMPLES=${1:-30}
SCHEMATHESIS=${SCHEMATHESIS:-schemathesis}
export CREDENCE_DATA_DIR=$(mktemp -d /tmp/credence-fuzz.XXXXXX)
PORT=${PORT:-18431}
trap 'kill $SERVER_PID 2>/dev/null || true; rm -rf "$CREDENCE_DATA_DIR"' EXIT
serve "$PORT"
# Tokens first: the anonymous run tries wrong passwords, and the throttle then locks this address.
ADMIN=$(staff_token "$PORT" admin)
OFFICER=$(staff_token "$PORT" officer)
REVIEWER=$(staff_token "$PORT" reviewer hrss)
EMPLOYER=$(employer_token "$PORT" Acme)
status=0
for role in anonymous employer officer admin reviewer; do
  case $role in
    anonymous) header=() ;;
    employer) header=(-H "Authorization: Bearer $EMPLOYER") ;;
    officer) header=(-H "Authorization: Bearer $OFFICER") ;;
    admin) header=(-H "Authorization: Bearer $ADMIN") ;;
    reviewer) header=(-H "Authorization: Bearer $REVIEWER") ;;
  esac
  echo "== $role"
  # Signing in and revoking would end the run's own token; they are fuzzed anonymously.
  options=()
  [ -n "${SEED:-}" ] && options+=(--seed "$SEED")
  [ "$role" != anonymous ] && options+=(--exclude-operation-id createToken --exclude-operation-id revokeCurrentToken)
  if ! "$SCHEMATHESIS" run "http://127.0.0.1:$PORT/openapi.json" -n "$EXAMPLES" "${header[@]}" "${options[@]}" \
      --checks "${CHECKS:-all}" --no-color > "$CREDENCE_DATA_DIR/$role.log" 2>&1; then
    status=1
    echo "schemathesis failed as $role"
  fi
  [ -n "${FUZZ_LOGS:-}" ] && mkdir -p "$FUZZ_LOGS" && cp "$CREDENCE_DATA_DIR/$role.log" "$FUZZ_LOGS/"
  grep -E "generated|❌|Server error|violates|Undocumented|Schema Error|Failed to generate|curl " "$CREDENCE_DATA_DIR/$role.log" || true
done
exit $status
