#!/bin/sh
# Unzips the one bundle zip that ./mvnw package built into the workers' plugin volume. Exactly
# one zip must be there: two versions on plugin.path would make Connect pick one by version.
set -eu
set -- /bundle/streametl-streametl-kafka-connect-*.zip
if [ ! -f "$1" ]; then
  echo "No bundle in packaging/target: run ./mvnw -DskipTests package first." >&2
  exit 1
fi
if [ "$#" -ne 1 ]; then
  echo "Several bundles in packaging/target ($*): run ./mvnw clean package -DskipTests." >&2
  exit 1
fi
rm -rf /plugins/streametl-*
unzip -q -o "$1" -d /plugins
echo "Installed $(basename "$1") into plugin.path"
