#!/usr/bin/env bash
# Runs a command with TEST_MONGODB_URI pointing at a real database: MONGODB_URI when set,
# otherwise a FerretDB of its own (SQLite, in .test-services/) that is stopped and removed afterwards.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cleanup() {
  if declare -F stop_ferretdb >/dev/null; then stop_ferretdb; fi
  if declare -F stop_chroma >/dev/null; then stop_chroma; fi
}
trap cleanup EXIT
if [ -n "${MONGODB_URI:-}" ]; then
  export TEST_MONGODB_URI="$MONGODB_URI"
else
  state="$root/.test-services/ferretdb-$$"
  port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  rm -rf "$state"
  bash "$root/scripts/ferretdb.sh" start "$state" "$port"
  stop_ferretdb() { bash "$root/scripts/ferretdb.sh" stop "$state"; rm -rf "$state"; }
  export TEST_MONGODB_URI="mongodb://127.0.0.1:$port/"
fi
# And TEST_CHROMA_URL at a real Chroma server: CHROMA_URL when set, otherwise one of its own (scripts/chroma.sh).
if [ -n "${CHROMA_URL:-}" ]; then
  export TEST_CHROMA_URL="$CHROMA_URL"
else
  chroma_state="$root/.test-services/chroma-$$"
  chroma_port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  rm -rf "$chroma_state"
  bash "$root/scripts/chroma.sh" start "$chroma_state" "$chroma_port"
  stop_chroma() { bash "$root/scripts/chroma.sh" stop "$chroma_state"; rm -rf "$chroma_state"; }
  export TEST_CHROMA_URL="http://127.0.0.1:$chroma_port"
fi
# The app under test gets its settings from the test or benchmark, never from the developer's shell.
unset CHROMA_URL OPENAI_API_KEY OPENAI_BASE_URL DOCS_DIR DOCS_GITHUB_REPOS MONGODB_URI SLACK_BOT_TOKEN SLACK_SIGNING_SECRET SLACK_APP_TOKEN MICROSOFT_APP_ID MICROSOFT_APP_PASSWORD
"$@"
