#!/usr/bin/env bash
# A real local Chroma server from the `chromadb` npm package (its `chroma run` CLI), for tests, benches and the demo.
#   scripts/chroma.sh start DIR PORT    start it in the background (data in DIR/data), wait until it answers
#   scripts/chroma.sh stop DIR          stop the one started in DIR
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli="$root/node_modules/chromadb/dist/cli.mjs"

start() {
  local dir="$1" port="$2"
  [ -f "$cli" ] || { echo "chroma: $cli is missing; run npm ci (or set CHROMA_URL)" >&2; exit 1; }
  mkdir -p "$dir/data"
  node "$cli" run --path "$dir/data" --host 127.0.0.1 --port "$port" >"$dir/chroma.log" 2>&1 &
  echo $! >"$dir/chroma.pid"
  for _ in $(seq 1 300); do
    if command -v curl >/dev/null; then
      curl -fsS "http://127.0.0.1:$port/api/v2/heartbeat" >/dev/null 2>&1 && return 0
    elif (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    kill -0 "$(cat "$dir/chroma.pid")" 2>/dev/null || { cat "$dir/chroma.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "chroma: did not answer on 127.0.0.1:$port" >&2; cat "$dir/chroma.log" >&2; exit 1
}

stop() {
  local pidfile="$1/chroma.pid"
  [ -f "$pidfile" ] || return 0
  kill "$(cat "$pidfile")" 2>/dev/null || true
  rm -f "$pidfile"
}

case "${1:-}" in
  start) start "${2:?state dir}" "${3:?port}" ;;
  stop) stop "${2:?state dir}" ;;
  *) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
