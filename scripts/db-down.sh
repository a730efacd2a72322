#!/usr/bin/env bash
# Stops the developer database that `make db-up` started with Docker Compose. A PostgreSQL installed on this machine
# is a system service that other things may use: it is left running, with the command to stop it.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh

if docker_answers && compose ps --services --status running 2>/dev/null | grep -qx postgresql; then
  say "Stopping the postgresql service of Docker Compose (its volume, and so the data, is kept)"
  compose down
elif pg_local_installed && [ -n "$(pg_local_cluster)" ]; then
  read -r version name _ <<<"$(pg_local_cluster)"
  say "The database runs on this machine's own PostgreSQL ($version/$name), which is left running."
  say "To stop it: sudo pg_ctlcluster $version $name stop"
else
  say "No database started by make db-up is running."
fi
