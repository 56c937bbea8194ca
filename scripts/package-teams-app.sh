#!/usr/bin/env bash
# Builds the Teams app package dist/em-agent-teams.zip: manifests/teams/manifest.json with its ${{NAME}}
# tokens filled in from the environment, plus color.png and outline.png. Upload the zip in Teams (Apps →
# Manage your apps → Upload an app) or in the Teams admin center.
#
# Tokens in manifest.json (each must be set in the environment):
#   ${{MICROSOFT_APP_ID}}  the Azure Bot's Microsoft App ID (a GUID), the same MICROSOFT_APP_ID the bot runs
#                          with; it is both the Teams app id and bots[0].botId.
#   ${{BOT_DOMAIN}}        the host name serving em-agent, e.g. em-agent.example.com (no scheme, no path); the
#                          Azure Bot's messaging endpoint is https://BOT_DOMAIN/api/messages.
#
# Usage: MICROSOFT_APP_ID=… BOT_DOMAIN=… bash scripts/package-teams-app.sh [output.zip]
# Zips with `zip` when it is on PATH, otherwise with Node (ZIP_BIN= forces Node; ZIP_BIN=/path picks a zip).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=node-env.sh
source "$root/scripts/node-env.sh"

src="$root/manifests/teams"
out="${1:-$root/dist/em-agent-teams.zip}"
mkdir -p "$(dirname "$out")"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

# Fill in the tokens, refusing unset or malformed values, and check the result is still JSON.
node --input-type=module - "$src/manifest.json" "$stage/manifest.json" <<'JS'
import { readFileSync, writeFileSync } from 'node:fs';
const [from, to] = process.argv.slice(2);
const checks = {
  MICROSOFT_APP_ID: [/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'a GUID'],
  BOT_DOMAIN: [/^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d+)?$/i, 'a host name such as em-agent.example.com'],
};
const problems = new Set();
const text = readFileSync(from, 'utf8').replace(/\$\{\{(\w+)\}\}/g, (_token, name) => {
  const value = (process.env[name] ?? '').trim();
  const [pattern, expected] = checks[name] ?? [/./, 'a value'];
  if (!pattern.test(value)) problems.add(`${name} must be ${expected}${value ? ` (got "${value}")` : ' (it is not set)'}`);
  return value;
});
if (problems.size > 0) {
  console.error(`em-agent: cannot package the Teams app: ${[...problems].join('; ')}`);
  process.exit(64);
}
JSON.parse(text);
writeFileSync(to, text);
JS
cp "$src/color.png" "$src/outline.png" "$stage/"

files=(manifest.json color.png outline.png)
rm -f "$out"
zip_bin="${ZIP_BIN-$(command -v zip || true)}"
if [ -n "$zip_bin" ]; then
  (cd "$stage" && "$zip_bin" -q -X "$out" "${files[@]}")
else
  # A plain deflate zip: local headers, central directory, end record (no zip64, no data descriptors).
  node --input-type=module - "$stage" "$out" "${files[@]}" <<'JS'
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
const [dir, out, ...names] = process.argv.slice(2);
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01, so the zip is reproducible
const locals = [];
const centrals = [];
let offset = 0;
for (const name of names) {
  const data = readFileSync(path.join(dir, name));
  const packed = deflateRawSync(data, { level: 9 });
  const fileName = Buffer.from(name, 'utf8');
  const common = Buffer.alloc(26);
  common.writeUInt16LE(20, 0); // version needed
  common.writeUInt16LE(0, 2); // flags
  common.writeUInt16LE(8, 4); // deflate
  common.writeUInt16LE(0, 6); // time
  common.writeUInt16LE(DOS_DATE, 8);
  common.writeUInt32LE(crc32(data), 10);
  common.writeUInt32LE(packed.length, 14);
  common.writeUInt32LE(data.length, 18);
  common.writeUInt16LE(fileName.length, 22);
  common.writeUInt16LE(0, 24); // extra length
  const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), common, fileName, packed]);
  const tail = Buffer.alloc(14); // comment length, disk, internal and external attributes, local header offset
  tail.writeUInt32LE(offset, 10);
  centrals.push(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02, 20, 0]), common, tail, fileName]));
  locals.push(local);
  offset += local.length;
}
const directory = Buffer.concat(centrals);
const end = Buffer.alloc(22);
end.writeUInt32LE(0x06054b50, 0);
end.writeUInt16LE(names.length, 8);
end.writeUInt16LE(names.length, 10);
end.writeUInt32LE(directory.length, 12);
end.writeUInt32LE(offset, 16);
writeFileSync(out, Buffer.concat([...locals, directory, end]));
JS
fi
echo "em-agent: wrote ${out#"$PWD"/}" >&2
