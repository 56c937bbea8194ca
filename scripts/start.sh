#!/usr/bin/env bash
# `npm start [-- command]`: Node 24, dependencies, then the bot (demo mode when no chat credentials are set).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/node-env.sh"
source "$root/scripts/install-deps.sh"
cd "$root"
exec node bot/cli.ts "${@:-start}"
