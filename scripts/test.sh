#!/usr/bin/env bash
# `npm test [-- mocha args]`: Node 24, dependencies, a FerretDB of its own (unless MONGODB_URI is set), then mocha.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/node-env.sh"
source "$root/scripts/install-deps.sh"
cd "$root"

if [ -n "${MONGODB_URI:-}" ]; then
  export TEST_MONGODB_URI="$MONGODB_URI"
else
  state="$root/.test-services/ferretdb-$$"
  port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  rm -rf "$state"
  bash scripts/ferretdb.sh start "$state" "$port"
  trap 'bash "$root/scripts/ferretdb.sh" stop "$state"; rm -rf "$state"' EXIT
  export TEST_MONGODB_URI="mongodb://127.0.0.1:$port/"
fi
# The app under test gets its settings from each test, never from the developer's shell.
unset MONGODB_URI SLACK_BOT_TOKEN SLACK_SIGNING_SECRET SLACK_APP_TOKEN MICROSOFT_APP_ID MICROSOFT_APP_PASSWORD
node node_modules/.bin/mocha "$@"
