#!/usr/bin/env bash
# Brings up the developer database that the project's defaults reach with local=true:
# postgresql://temporal:temporal@localhost:5432/the_assistant. Uses Docker Compose when a Docker engine answers,
# else the PostgreSQL installed on this machine. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh

USER_NAME=temporal
PASSWORD=temporal
DATABASE=the_assistant
MASKED_URL="postgresql://$USER_NAME:****@localhost:5432/$DATABASE"

if pg_can_login localhost 5432 "$USER_NAME" "$PASSWORD" "$DATABASE"; then
  say "Database already up: $MASKED_URL"
  exit 0
fi

if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  say "Starting the postgresql service with Docker Compose"
  if docker compose version >/dev/null 2>&1; then
    docker compose up -d --wait postgresql
  elif command -v docker-compose >/dev/null 2>&1; then
    docker-compose up -d postgresql
  else
    fail "Docker answers but Docker Compose is missing; install the compose plugin (https://docs.docker.com/compose/install/)"
  fi
elif pg_local_installed; then
  pg_local_start
  say "Ensuring role $USER_NAME (LOGIN CREATEDB) and database $DATABASE on the local server"
  pg_ensure_role "$USER_NAME" "$PASSWORD" CREATEDB
  pg_ensure_database "$DATABASE" "$USER_NAME"
else
  cat >&2 <<'HELP'
No database could be started: there is no Docker engine and no local PostgreSQL.
Install one of them, then run `make db-up` again:
  - Docker with the compose plugin: https://docs.docker.com/engine/install/
  - PostgreSQL 15: sudo apt-get install postgresql   (Debian/Ubuntu)
                   brew install postgresql@15 && brew services start postgresql@15   (macOS)
Or point DATABASE_URL at a server you already have (see .env.example).
HELP
  exit 1
fi

waited=0
until pg_can_login localhost 5432 "$USER_NAME" "$PASSWORD" "$DATABASE"; do
  waited=$((waited + 1))
  [ "$waited" -le 30 ] || fail "the database did not accept $USER_NAME on localhost:5432 within 30 s"
  sleep 1
done
say "Database up: $MASKED_URL"
