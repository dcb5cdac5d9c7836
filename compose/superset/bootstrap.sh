#!/bin/sh
# Prepares Superset's metadata database, the admin user, and imports the dashboard in
# /app/streametl-dashboard (a Superset export: the Trino database, the folded aggregates dataset,
# its charts and the dashboard), then starts the web server. Every step is safe to repeat on a
# restart.
set -eu
superset db upgrade
if ! superset fab list-users 2>/dev/null | grep -q 'username:admin'; then
  superset fab create-admin --username admin --firstname Admin --lastname StreamETL \
    --email admin@streametl.invalid --password "${SUPERSET_ADMIN_PASSWORD}"
fi
superset init

# Importing a database makes Superset list its catalogs and schemas (add_permissions in
# commands/database/utils.py), so Trino must answer first. compose starts this container once
# Trino's health check passes; this wait covers a Trino restarted on its own. /v1/info says
# "starting": false once Trino accepts queries (what the image's health-check script tests).
python - <<'EOF'
import json, sys, time, urllib.request
url = "http://trino:8080/v1/info"
for attempt in range(60):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            if not json.load(response).get("starting", True):
                sys.exit(0)
    except Exception:
        pass
    time.sleep(5)
print(f"Trino did not answer at {url} within 5 minutes; importing anyway", file=sys.stderr)
EOF

# The import runs when the export differs from the one imported last (a hash of its files, kept in
# the superset-home volume). An export zip has one top-level folder; the import strips it.
export_hash=$(python - <<'EOF'
import hashlib, pathlib
root = pathlib.Path("/app/streametl-dashboard")
digest = hashlib.sha256()
for path in sorted(p for p in root.rglob("*") if p.is_file()):
    digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
print(digest.hexdigest())
EOF
)
marker=/app/superset_home/.streametl-dashboard-imported
if [ "$(cat "$marker" 2>/dev/null || true)" != "$export_hash" ]; then
  python -c "import shutil; shutil.make_archive('/tmp/streametl-dashboard', 'zip', '/app', 'streametl-dashboard')"
  if superset import-dashboards --path /tmp/streametl-dashboard.zip --username admin; then
    echo "$export_hash" > "$marker"
  else
    # The server still starts, so the error is in the log and Superset is usable; the next start
    # tries again.
    echo "Importing the StreamETL dashboard failed (see the error above); retried on the next start." >&2
  fi
fi
exec /usr/bin/run-server.sh
