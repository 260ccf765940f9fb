#!/usr/bin/env bash
# Init script of the compose profile "ha" primary (docker-entrypoint-initdb.d): lets the standby
# replicate, and makes commits wait until the standby has applied them. ALTER SYSTEM takes effect
# at the server's final start, after this init phase (whose commits must not wait for a standby).
set -euo pipefail
echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" \
  -c "alter system set synchronous_standby_names = 'standby1'" \
  -c "alter system set synchronous_commit = 'remote_apply'"
