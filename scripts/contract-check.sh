#!/usr/bin/env bash
# The hub API against its own OpenAPI document: starts `kontor serve` on its embedded defaults (SQLite, the built-in
# sandbox) in a throwaway folder on 127.0.0.1 and runs schemathesis (PyPI) with every phase (examples, coverage,
# fuzzing, stateful) and the checks of `schemathesis.toml`. Exits non-zero on any failure.
#
#   scripts/contract-check.sh [MAX_EXAMPLES]     (default 100; ~2 minutes on 2 cores)
#
# Needs a built `kontor` (`swift build`); installs schemathesis into .build/schemathesis-venv the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
examples="${1:-100}"

venv=.build/schemathesis-venv
if ! "$venv/bin/schemathesis" --version >/dev/null 2>&1; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q schemathesis
fi
"$venv/bin/schemathesis" --version

binary="$(swift build --show-bin-path)/kontor"
data=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$data" && exec "$binary" serve --port "$port" --print-admin-token >serve.log 2>&1) &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"' EXIT

token=""
for _ in $(seq 1 60); do
  token=$(grep -o 'kt_[A-Za-z0-9_.-]*' "$data/serve.log" | head -n 1 || true)
  if [ -n "$token" ] && curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
  sleep 1
done
if [ -z "$token" ]; then
  echo "kontor serve did not start:" >&2
  cat "$data/serve.log" >&2
  exit 1
fi

# schemathesis reads schemathesis.toml from the working directory (the repository root).
"$venv/bin/schemathesis" run "http://127.0.0.1:$port/openapi.yaml" \
  -H "Authorization: Bearer $token" \
  --max-examples "$examples" --workers 1 --request-timeout 30
