# shellcheck shell=bash
# Shared pieces for the scripts that set up PostgreSQL on this machine: find and start the local cluster, run SQL
# as the database superuser, and create roles and databases idempotently. Sourced, not run.

say() { printf '%s\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

# True when a PostgreSQL server is installed on this machine (Debian's cluster tools or a bare binary).
pg_local_installed() {
  command -v pg_ctlcluster >/dev/null 2>&1 || compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null
}

# The first cluster Debian's tools know of, as "<version> <name>", or nothing.
pg_local_cluster() {
  command -v pg_lsclusters >/dev/null 2>&1 || return 0
  pg_lsclusters --no-header 2>/dev/null | awk 'NR == 1 { print $1, $2 }'
}

# Starts the local cluster when it is down. Prints what it did.
pg_local_start() {
  local cluster version name status
  cluster=$(pg_local_cluster)
  [ -n "$cluster" ] || fail "PostgreSQL is installed but has no cluster; create one with: pg_createcluster --start 15 main"
  read -r version name <<<"$cluster"
  status=$(pg_lsclusters --no-header | awk -v v="$version" -v n="$name" '$1 == v && $2 == n { print $4 }')
  if [ "$status" != "online" ]; then
    say "Starting the local PostgreSQL cluster $version/$name"
    as_root pg_ctlcluster "$version" "$name" start
  fi
  local waited=0
  until pg_isready -q -h localhost -p 5432 2>/dev/null; do
    waited=$((waited + 1))
    [ "$waited" -le 30 ] || fail "PostgreSQL $version/$name did not accept connections on localhost:5432 within 30 s; see /var/log/postgresql/postgresql-$version-$name.log"
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

# Runs psql as the database superuser over the local socket, with the arguments given (SQL on stdin).
pg_superuser_psql() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 "$@"
  elif [ "$(id -un)" = postgres ]; then
    psql -X -q -v ON_ERROR_STOP=1 "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n -u postgres true 2>/dev/null; then
    sudo -n -u postgres psql -X -q -v ON_ERROR_STOP=1 "$@"
  else
    fail "cannot run psql as the postgres superuser; run this script with sudo, or create the roles by hand (see README)"
  fi
}

# pg_ensure_role NAME PASSWORD [ATTRIBUTE...]: creates the login role when missing, and (re)sets its password and
# attributes either way, so that a rerun repairs a role someone changed.
pg_ensure_role() {
  local name=$1 password=$2 attributes
  shift 2
  attributes="LOGIN ${*:-}"
  pg_superuser_psql -v name="$name" -v password="$password" -v attributes="$attributes" <<'SQL'
SELECT format('CREATE ROLE %I', :'name') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'name') \gexec
SELECT format('ALTER ROLE %I %s PASSWORD %L', :'name', :'attributes', :'password') \gexec
SQL
}

# pg_ensure_database NAME OWNER: creates the database when missing.
pg_ensure_database() {
  pg_superuser_psql -v name="$1" -v owner="$2" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'name', :'owner')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'name') \gexec
SQL
}

# pg_can_login HOST PORT USER PASSWORD DATABASE: true when a password login over TCP works.
pg_can_login() {
  if command -v psql >/dev/null 2>&1; then
    PGPASSWORD=$4 PGCONNECT_TIMEOUT=3 psql -X -q -w -h "$1" -p "$2" -U "$3" -d "$5" -Atc 'SELECT 1' >/dev/null 2>&1
  else
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
  fi
}
