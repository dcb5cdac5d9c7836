#!/bin/sh
# Creates (or updates) every connector in compose/connect-configs/ through the Connect REST API
# of the compose stack. PUT /connectors/<name>/config is idempotent, so running it again after an
# edit applies the change. Usage: compose/post-connectors.sh [connect-url] (default
# http://localhost:8083, the first worker).
set -eu
connect="${1:-http://localhost:8083}"
dir="$(cd "$(dirname "$0")" && pwd)/connect-configs"

until curl -fsS "$connect/connectors" >/dev/null 2>&1; do
  echo "Waiting for Connect at $connect ..."
  sleep 3
done

for file in "$dir"/*.json; do
  # The files are POST bodies ({"name", "config"}); PUT takes only the config object.
  name="$(sed -n 's/^  "name": "\(.*\)",$/\1/p' "$file")"
  config="$(sed -e '1,/"config": {/d' -e '$d' "$file" | sed '$d')"
  printf '%s: ' "$name"
  printf '{%s}' "$config" | curl -fsS -o /dev/null -w '%{http_code}\n' -X PUT \
    -H 'Content-Type: application/json' --data @- "$connect/connectors/$name/config"
done
