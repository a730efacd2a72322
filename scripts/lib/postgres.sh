# shellcheck shell=bash
# Shared pieces for the scripts that set up PostgreSQL: find and start the local cluster that listens on a port, run
# SQL as the database superuser, check logins, and bring up the Docker Compose service. Sourced, not run.

say() { printf '%s\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The port of the developer database on this machine: POSTGRES_PORT, as the make targets and the plugin read it.
DB_PORT=${POSTGRES_PORT:-5432}
# What provisions the roles and the database, for this machine's server and for the postgres image alike.
PROVISION_SQL=scripts/initdb/provision.sql

# True when a Docker engine answers (not merely a docker client installed).
docker_answers() {
  command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1
}

# Runs Docker Compose, as the plugin (`docker compose`) or the older standalone `docker-compose`.
compose() {
  if docker compose version >/dev/null 2>&1; then
    docker compose "$@"
  elif command -v docker-compose >/dev/null 2>&1; then
    docker-compose "$@"
  else
    fail "Docker answers but Docker Compose is missing; install the compose plugin (https://docs.docker.com/compose/install/)"
  fi
}

# True when a PostgreSQL server is installed on this machine (Debian's cluster tools or a bare binary).
pg_local_installed() {
  command -v pg_ctlcluster >/dev/null 2>&1 || compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null
}

# The cluster Debian's tools know on port $DB_PORT, as "<version> <name> <status>", or nothing.
pg_local_cluster() {
  command -v pg_lsclusters >/dev/null 2>&1 || return 0
  pg_lsclusters --no-header 2>/dev/null | awk -v port="$DB_PORT" '$3 == port { print $1, $2, $4; exit }'
}

# Starts the local cluster on $DB_PORT when it is down, and waits until it accepts connections.
pg_local_start() {
  local version name status
  read -r version name status <<<"$(pg_local_cluster)"
  if [ -z "${version:-}" ]; then
    pg_isready -q -h localhost -p "$DB_PORT" 2>/dev/null && return 0
    if command -v pg_lsclusters >/dev/null 2>&1 && [ -n "$(pg_lsclusters --no-header 2>/dev/null)" ]; then
      fail "no PostgreSQL cluster of this machine listens on port $DB_PORT ($(pg_lsclusters --no-header | awk '{ printf "%s%s/%s on %s", sep, $1, $2, $3; sep = ", " }')); set POSTGRES_PORT to one of those ports"
    fi
    fail "PostgreSQL is installed but no server runs on port $DB_PORT; create and start one with: sudo pg_createcluster --start -p $DB_PORT 15 main (Debian/Ubuntu), or start yours (brew services start postgresql@15)"
  fi
  if [ "$status" != "online" ]; then
    say "Starting the local PostgreSQL cluster $version/$name (port $DB_PORT)"
    as_root pg_ctlcluster "$version" "$name" start
  fi
  local waited=0
  until pg_isready -q -h localhost -p "$DB_PORT" 2>/dev/null; do
    waited=$((waited + 1))
    [ "$waited" -le 30 ] || fail "PostgreSQL $version/$name did not accept connections on localhost:$DB_PORT within 30 s; see /var/log/postgresql/postgresql-$version-$name.log"
    sleep 1
  done
}

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@" || fail "this step needs root: run 'sudo $*' once, then try again"
  else
    fail "this step needs root: run '$*' as root, then try again"
  fi
}

# Runs psql as the database superuser over the local socket of $DB_PORT, with the arguments given.
pg_superuser_psql() {
  local psql=(psql -X -q -v ON_ERROR_STOP=1 -p "$DB_PORT")
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "${psql[@]}" "$@"
  elif [ "$(id -un)" = postgres ]; then
    "${psql[@]}" "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n -u postgres true 2>/dev/null; then
    sudo -n -u postgres "${psql[@]}" "$@"
  elif [ "$("${psql[@]}" -d postgres -Atc 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user' 2>/dev/null)" = t ]; then
    "${psql[@]}" "$@"   # a server set up for the current user (Homebrew)
  else
    fail "cannot run psql as the PostgreSQL superuser; run 'sudo make db-up' once, or run $PROVISION_SQL as a superuser yourself: sudo -u postgres psql -p $DB_PORT <$PROVISION_SQL"
  fi
}

# pg_query HOST PORT USER PASSWORD DATABASE SQL: the value a password login over TCP returns, or failure.
pg_query() {
  PGPASSWORD=$4 PGCONNECT_TIMEOUT=3 psql -X -q -w -h "$1" -p "$2" -U "$3" -d "$5" -Atc "$6" 2>/dev/null
}

# pg_provisioned HOST PORT: true when everything provision.sql sets up is there and works: temporal logs in to
# the_assistant and may create databases, assistant_test logs in and may create databases and roles. Needs psql.
pg_provisioned() {
  command -v psql >/dev/null 2>&1 || return 1
  [ "$(pg_query "$1" "$2" temporal temporal the_assistant \
    'SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user')" = t ] &&
  [ "$(pg_query "$1" "$2" assistant_test assistant_test postgres \
    'SELECT rolcreatedb AND rolcreaterole FROM pg_roles WHERE rolname = current_user')" = t ]
}

# pg_explain_missing HOST PORT: for each role that cannot log in with its documented password, what to run.
pg_explain_missing() {
  pg_query "$1" "$2" temporal temporal the_assistant 'SELECT 1' >/dev/null ||
    say "  temporal cannot log in to the_assistant with the password 'temporal'; as a superuser: ALTER ROLE temporal PASSWORD 'temporal';"
  pg_query "$1" "$2" assistant_test assistant_test postgres 'SELECT 1' >/dev/null ||
    say "  assistant_test cannot log in with the password 'assistant_test'; as a superuser: ALTER ROLE assistant_test PASSWORD 'assistant_test';"
}
