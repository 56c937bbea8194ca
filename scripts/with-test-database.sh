#!/usr/bin/env bash
# Runs a command with TEST_MONGODB_URI pointing at a real database: MONGODB_URI when set,
# otherwise a FerretDB of its own (SQLite, in .test-services/) that is stopped and removed afterwards.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -n "${MONGODB_URI:-}" ]; then
  export TEST_MONGODB_URI="$MONGODB_URI"
else
  state="$root/.test-services/ferretdb-$$"
  port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  rm -rf "$state"
  bash "$root/scripts/ferretdb.sh" start "$state" "$port"
  trap 'bash "$root/scripts/ferretdb.sh" stop "$state"; rm -rf "$state"' EXIT
  export TEST_MONGODB_URI="mongodb://127.0.0.1:$port/"
fi
# The app under test gets its settings from the test or benchmark, never from the developer's shell.
unset MONGODB_URI SLACK_BOT_TOKEN SLACK_SIGNING_SECRET SLACK_APP_TOKEN MICROSOFT_APP_ID MICROSOFT_APP_PASSWORD
"$@"
