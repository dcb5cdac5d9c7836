#!/bin/sh
# The warehouse bucket the Iceberg REST catalog puts every table under (CATALOG_WAREHOUSE).
set -eu
mc alias set local http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD"
mc mb --ignore-existing local/warehouse
