#!/usr/bin/env bash
# FerretDB v1 (MongoDB wire protocol on SQLite or PostgreSQL) for this machine, CI and the demo.
#   scripts/ferretdb.sh build                     build .tools/bin/ferretdb with the Go toolchain
#   scripts/ferretdb.sh start DIR PORT            start it in the background on SQLite (data and state in DIR),
#                                                 wait until it answers
#   scripts/ferretdb.sh start DIR PORT PG_URL     the same on PostgreSQL: its data in the database PG_URL names
#                                                 (postgres://host:port/database, which must exist), state in DIR
#   scripts/ferretdb.sh stop DIR                  stop the one started in DIR
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="v1.24.2"
bin="$root/.tools/bin/ferretdb"

build() {
  # Read the whole output first: `grep -q` under pipefail can SIGPIPE the writer and fail the check.
  if [ -x "$bin" ] && [[ "$("$bin" --version 2>/dev/null)" == *"version: $version"* ]]; then return 0; fi
  command -v go >/dev/null || { echo "ferretdb: the Go toolchain is needed to build FerretDB $version (or set MONGODB_URI)" >&2; exit 1; }
  echo "ferretdb: building FerretDB $version (one time, about a minute)" >&2
  # `go install …@version` builds a binary whose embedded version file is empty (it panics at start),
  # so fetch the module, write the version file the upstream build task would generate, and build.
  local src work
  src="$(go mod download -json "github.com/FerretDB/FerretDB@$version" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
  [ -d "$src" ] || { echo "ferretdb: could not download the FerretDB $version module" >&2; exit 1; }
  work="$(mktemp -d)"
  cp -r "$src/." "$work" && chmod -R u+w "$work"
  echo "$version" > "$work/build/version/version.txt"
  mkdir -p "$(dirname "$bin")"
  (cd "$work" && GOFLAGS=-buildvcs=false go build -trimpath -o "$bin" ./cmd/ferretdb)
  rm -rf "$work"
}

start() {
  local dir="$1" port="$2" postgresql_url="${3:-}"
  build
  local backend=(--handler=sqlite --sqlite-url="file:$dir/sqlite/")
  mkdir -p "$dir"
  if [ -n "$postgresql_url" ]; then
    # FerretDB reads its own FERRETDB_POSTGRESQL_URL: a password in the URL never shows in `ps`.
    export FERRETDB_POSTGRESQL_URL="$postgresql_url"
    backend=(--handler=postgresql)
  else
    mkdir -p "$dir/sqlite"
  fi
  "$bin" "${backend[@]}" --listen-addr="127.0.0.1:$port" \
    --state-dir="$dir" --debug-addr=- --telemetry=disable --log-level=warn \
    >"$dir/ferretdb.log" 2>&1 &
  echo $! >"$dir/ferretdb.pid"
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    kill -0 "$(cat "$dir/ferretdb.pid")" 2>/dev/null || { cat "$dir/ferretdb.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "ferretdb: did not start listening on 127.0.0.1:$port" >&2; cat "$dir/ferretdb.log" >&2; exit 1
}

stop() {
  local pidfile="$1/ferretdb.pid"
  [ -f "$pidfile" ] || return 0
  kill "$(cat "$pidfile")" 2>/dev/null || true
  rm -f "$pidfile"
}

case "${1:-}" in
  build) build ;;
  start) start "${2:?state dir}" "${3:?port}" "${4:-}" ;;
  stop) stop "${2:?state dir}" ;;
  *) echo "usage: $0 build | start DIR PORT [POSTGRESQL_URL] | stop DIR" >&2; exit 2 ;;
esac
