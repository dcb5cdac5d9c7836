#!/bin/sh
# Prepares Superset's metadata database, the admin user, and imports the dashboard in
# /app/streametl-dashboard (a Superset export: the Trino database, the folded aggregates dataset,
# its charts and the dashboard). Every step is safe to repeat on a restart.
set -eu
superset db upgrade
if ! superset fab list-users 2>/dev/null | grep -q 'username:admin'; then
  superset fab create-admin --username admin --firstname Admin --lastname StreamETL \
    --email admin@streametl.invalid --password "${SUPERSET_ADMIN_PASSWORD}"
fi
superset init
# An export zip has one top-level folder; the import strips it.
python -c "import shutil; shutil.make_archive('/tmp/streametl-dashboard', 'zip', '/app', 'streametl-dashboard')"
superset import-dashboards --path /tmp/streametl-dashboard.zip --username admin
exec /usr/bin/run-server.sh
