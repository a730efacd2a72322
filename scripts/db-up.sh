#!/usr/bin/env bash
# Brings up the database server of this machine with everything the project needs on it: the developer database that
# the defaults reach with local=true (postgresql://temporal:temporal@localhost:5432/the_assistant) and the tests' role
# assistant_test (CREATEDB CREATEROLE). Uses Docker Compose when a Docker engine answers, else the PostgreSQL installed
# on this machine; both run scripts/initdb/provision.sql. POSTGRES_PORT chooses another port than 5432. When all is in
# place it changes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh

MASKED_URL="postgresql://temporal:****@localhost:$DB_PORT/the_assistant"

if pg_provisioned localhost "$DB_PORT"; then
  say "Database up: $MASKED_URL; test role assistant_test ready"
  exit 0
fi

if docker_answers; then
  say "Starting the postgresql service with Docker Compose (port $DB_PORT)"
  export POSTGRES_PORT=$DB_PORT
  compose up -d --wait postgresql
  # The image ran provision.sql when it created its data; a volume made before that script existed gets it now.
  compose exec -T postgresql psql -X -q -v ON_ERROR_STOP=1 -U temporal -d the_assistant \
    -f /docker-entrypoint-initdb.d/provision.sql
elif pg_local_installed; then
  pg_local_start
  say "Creating what is missing of roles temporal and assistant_test and database the_assistant (port $DB_PORT)"
  pg_superuser_psql -d postgres <"$PROVISION_SQL" # on stdin: the superuser may not be able to read this checkout
else
  cat >&2 <<HELP
No database server: this machine has neither a Docker engine that answers nor PostgreSQL. Install one of them and run
the command again: PostgreSQL 15 (Debian/Ubuntu: sudo apt-get install postgresql; macOS: brew install postgresql@15 &&
brew services start postgresql@15) or Docker Engine with the Compose plugin (https://docs.docker.com/engine/install/).
To use a server you already have instead, set DATABASE_URL for make migrate and ASSISTANT_TEST_DATABASE_URL (a user
allowed to create databases and roles) for make test.
HELP
  exit 1
fi

if command -v psql >/dev/null 2>&1 && ! pg_provisioned localhost "$DB_PORT"; then
  pg_explain_missing localhost "$DB_PORT" >&2
  fail "the server on localhost:$DB_PORT does not accept the project's roles: a role that existed before keeps its password (see above)"
fi
say "Database up: $MASKED_URL; test role assistant_test ready"
