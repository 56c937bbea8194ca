#!/usr/bin/env bash
# `npm test [-- mocha args and test files]`: Node 24, dependencies, Chromium for the browser test, a FerretDB of
# its own (unless MONGODB_URI is set), then mocha over every test file, or only the files given.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/node-env.sh"
source "$root/scripts/install-deps.sh"
cd "$root"
bash scripts/chromium.sh
# The suite's spec lives here, not in .mocharc.json: mocha adds a config's spec to the files on the command line.
spec=('test/**/*.test.ts')
for arg in "$@"; do
  if [[ "$arg" != -* && ("$arg" == *.ts || -e "$arg") ]]; then spec=(); fi
done
bash scripts/with-test-database.sh node node_modules/.bin/mocha "$@" "${spec[@]}"
