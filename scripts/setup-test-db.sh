#!/usr/bin/env bash
# Creates the test database and the application role the integration tests connect as.
# The role may only INSERT and SELECT events (granted per schema by the tests' migrations).
set -euo pipefail
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
DB=${TEST_DATABASE:-casework_test}
psql -h "$PGHOST" -U "$PGUSER" -d postgres -v ON_ERROR_STOP=1 -qtA <<SQL
SELECT 'CREATE DATABASE $DB' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$DB')\gexec
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'casework_app') THEN
    CREATE ROLE casework_app LOGIN PASSWORD 'casework_app' NOSUPERUSER NOCREATEDB NOCREATEROLE;
  END IF;
END \$\$;
GRANT CONNECT ON DATABASE $DB TO casework_app;
SQL
echo "test database $DB and role casework_app ready"
