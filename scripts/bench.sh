#!/usr/bin/env bash
# `npm run bench [-- file]`: every benchmark in bench/ (or the one named), against a FerretDB of its own.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/node-env.sh"
source "$root/scripts/install-deps.sh"
cd "$root"
[ "$#" -gt 0 ] || set -- bench/*.bench.ts
for bench in "$@"; do
  echo "== $bench"
  bash scripts/with-test-database.sh node "$bench"
done
