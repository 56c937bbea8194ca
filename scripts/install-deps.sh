# Source me after node-env.sh: installs node_modules when they are missing or older than package-lock.json.
_em_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -f "$_em_root/node_modules/.package-lock.json" ] || [ "$_em_root/package-lock.json" -nt "$_em_root/node_modules/.package-lock.json" ]; then
  echo "em-agent: installing dependencies (npm ci)" >&2
  (cd "$_em_root" && npm ci --no-audit --no-fund --loglevel=error >&2) || return 1
fi
