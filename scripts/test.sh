#!/usr/bin/env bash
# `npm test [-- mocha args]`: Node 24, dependencies, Chromium for the browser test, a FerretDB of its own
# (unless MONGODB_URI is set), then mocha.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/node-env.sh"
source "$root/scripts/install-deps.sh"
cd "$root"
bash scripts/chromium.sh
bash scripts/with-test-database.sh node node_modules/.bin/mocha "$@"
