#!/usr/bin/env bash
# Runs a command with TEST_MONGODB_URI pointing at a real database: MONGODB_URI when set, otherwise a
# FerretDB of its own (state in .test-services/) that is stopped and removed afterwards, on
#   - PostgreSQL when a server answers at 127.0.0.1:5432 (PGHOST/PGPORT to change it): in a database of
#     this run's own, emagent_test_<pid>, created fresh and dropped afterwards, even on failure;
#   - SQLite otherwise.
# TEST_DB_BACKEND=postgresql|sqlite forces one (postgresql with no server answering is an error). The command
# gets TEST_DB_BACKEND (postgresql, sqlite, or external for MONGODB_URI) so tests and benchmarks can name it,
# and on PostgreSQL TEST_POSTGRESQL_URL, the run's database.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cleanup() {
  if declare -F stop_chroma >/dev/null; then stop_chroma; fi
  if declare -F stop_ferretdb >/dev/null; then stop_ferretdb; fi
  if declare -F drop_postgresql_database >/dev/null; then drop_postgresql_database; fi
}
trap cleanup EXIT
# Ctrl-C or a CI timeout: exit through the EXIT trap, so the run's database is dropped then too.
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

case "${TEST_DB_BACKEND:-}" in
  "" | sqlite | postgresql) ;;
  *) echo "with-test-database: TEST_DB_BACKEND must be sqlite or postgresql (got \"$TEST_DB_BACKEND\")" >&2; exit 2 ;;
esac

if [ -n "${MONGODB_URI:-}" ]; then
  export TEST_MONGODB_URI="$MONGODB_URI"
  export TEST_DB_BACKEND=external
else
  pg_host="${PGHOST:-127.0.0.1}" pg_port="${PGPORT:-5432}"
  pg() { PGCONNECT_TIMEOUT=2 PGOPTIONS=--client-min-messages=warning psql -h "$pg_host" -p "$pg_port" -d postgres -v ON_ERROR_STOP=1 -qAtX "$@"; }
  # Cheap probe: a real login and query (pg_isready would say yes to a server that refuses us), 2 s at most.
  postgresql_answers() { command -v psql >/dev/null && pg -c 'select 1' >/dev/null 2>&1; }
  if [ "${TEST_DB_BACKEND:-}" = postgresql ] && ! postgresql_answers; then
    if command -v psql >/dev/null; then reason="$(pg -c 'select 1' 2>&1 | head -n 1 || true)"; else reason="psql is not installed"; fi
    echo "with-test-database: TEST_DB_BACKEND=postgresql, but no PostgreSQL answers at $pg_host:$pg_port ($reason)." >&2
    echo "Start PostgreSQL there (or set PGHOST/PGPORT), or run with TEST_DB_BACKEND=sqlite." >&2
    exit 1
  fi
  if [ -z "${TEST_DB_BACKEND:-}" ]; then
    if postgresql_answers; then TEST_DB_BACKEND=postgresql; else TEST_DB_BACKEND=sqlite; fi
  fi
  export TEST_DB_BACKEND

  state="$root/.test-services/ferretdb-$$"
  port="$(free_port)"
  rm -rf "$state"
  if [ "$TEST_DB_BACKEND" = postgresql ]; then
    database="emagent_test_$$"
    # A database by this name can only be left over from a killed run that had our pid.
    pg -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database"
    drop_postgresql_database() { pg -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" || true; }
    export TEST_POSTGRESQL_URL="postgres://$pg_host:$pg_port/$database"
    echo "with-test-database: FerretDB on PostgreSQL ($pg_host:$pg_port, database $database)" >&2
    bash "$root/scripts/ferretdb.sh" start "$state" "$port" "$TEST_POSTGRESQL_URL"
  else
    echo "with-test-database: FerretDB on SQLite ($state)" >&2
    bash "$root/scripts/ferretdb.sh" start "$state" "$port"
  fi
  stop_ferretdb() { bash "$root/scripts/ferretdb.sh" stop "$state"; rm -rf "$state"; }
  export TEST_MONGODB_URI="mongodb://127.0.0.1:$port/"
fi
# And TEST_CHROMA_URL at a real Chroma server: CHROMA_URL when set, otherwise one of its own (scripts/chroma.sh).
if [ -n "${CHROMA_URL:-}" ]; then
  export TEST_CHROMA_URL="$CHROMA_URL"
else
  chroma_state="$root/.test-services/chroma-$$"
  chroma_port="$(free_port)"
  rm -rf "$chroma_state"
  bash "$root/scripts/chroma.sh" start "$chroma_state" "$chroma_port"
  stop_chroma() { bash "$root/scripts/chroma.sh" stop "$chroma_state"; rm -rf "$chroma_state"; }
  export TEST_CHROMA_URL="http://127.0.0.1:$chroma_port"
fi
# The app under test gets its settings from the test or benchmark, never from the developer's shell.
unset CHROMA_URL OPENAI_API_KEY OPENAI_BASE_URL DOCS_DIR DOCS_GITHUB_REPOS MONGODB_URI SLACK_BOT_TOKEN SLACK_SIGNING_SECRET SLACK_APP_TOKEN MICROSOFT_APP_ID MICROSOFT_APP_PASSWORD FERRETDB_POSTGRESQL_URL
"$@"
