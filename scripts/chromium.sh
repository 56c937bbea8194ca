#!/usr/bin/env bash
# Debian's Chromium, for the browser e2e test (test/e2e/playground.test.ts) and `npm run screenshot`: Playwright's
# own browser download is not reachable here. Installs the package once when it is missing (as root, with apt).
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0
if ! command -v apt-get >/dev/null || [ "$(id -u)" != 0 ]; then
  echo "chromium: $chromium is missing: install Debian's chromium package, or set CHROMIUM_PATH to a Chromium" >&2
  exit 1
fi
echo "chromium: installing Debian's chromium package (one time)" >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >&2
