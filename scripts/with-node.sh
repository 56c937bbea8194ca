#!/usr/bin/env bash
# Runs a command (resolved in node_modules/.bin first) with Node.js 24 first on PATH.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=node-env.sh
source "$root/scripts/node-env.sh"
export PATH="$root/node_modules/.bin:$PATH"
exec "$@"
