import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, inflateRawSync, inflateSync } from 'node:zlib';
import { parse } from 'yaml';
import { SLACK_EVENTS_PATH } from '../bot/slack/create-slack-surface.ts';
import { COMMANDS } from '../handlers/run-command.ts';

const root = path.join(import.meta.dirname, '..');

// ---- Slack ----------------------------------------------------------------------------------------------

interface SlackSlashCommand {
  command: string;
  url?: string;
  description: string;
  usage_hint?: string;
  should_escape?: boolean;
}

interface SlackManifest {
  display_information: { name: string; description?: string };
  features: {
    app_home?: { home_tab_enabled?: boolean };
    bot_user?: { display_name: string };
    slash_commands?: SlackSlashCommand[];
  };
  oauth_config: { scopes: { bot?: string[]; user?: string[] } };
  settings: {
    interactivity?: { is_enabled: boolean; request_url?: string };
    event_subscriptions?: { request_url?: string; bot_events?: string[] };
    org_deploy_enabled?: boolean;
    socket_mode_enabled?: boolean;
    token_rotation_enabled?: boolean;
  };
}

/**
 * The scopes the code needs: `commands` for `/em`, `chat:write` to post, update and answer privately,
 * `usergroups:read` for approvers named by user group, `users:read` and `users:read.email` for the verified
 * emails that link people across tools (users.info, users.list), `app_mentions:read` for questions asked by
 * mentioning the bot, `im:write` and `im:history` to open a person's DM and read its latest messages back (a
 * standup prompt whose send a crash interrupted is looked for there before it is sent again), `channels:read`
 * and `groups:read` for a report channel's size and visibility (conversations.info) under the policy,
 * `files:write` for /dora's charts (files.uploadV2). Add here when the code needs more.
 */
const SLACK_BOT_SCOPES = [
  'app_mentions:read',
  'channels:read',
  'chat:write',
  'commands',
  'files:write',
  'groups:read',
  'im:history',
  'im:write',
  'usergroups:read',
  'users:read',
  'users:read.email',
];

const slackManifest = parse(
  readFileSync(path.join(root, 'manifests', 'slack.yaml'), 'utf8'),
) as SlackManifest;
const slashCommands = slackManifest.features.slash_commands ?? [];

/** The source of every Slack listener, so the manifest is compared with what the code registers. */
function slackListenerSource(): string {
  const dir = path.join(root, 'bot', 'slack');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(path.join(dir, file), 'utf8'))
    .join('\n');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('Slack app manifest (manifests/slack.yaml)', () => {
  const source = slackListenerSource();

  it('declares exactly the slash commands the code registers', () => {
    const registrations = source.match(/\bapp\.command\(/g) ?? [];
    const registered = [...source.matchAll(/\bapp\.command\(\s*(['"`])(\/[^'"`]+)\1/g)].map(
      (match) => match[2],
    );
    assert.equal(
      registered.length,
      registrations.length,
      'every app.command() under bot/slack/ must name its command as a string literal, so it can be checked here',
    );
    assert.ok(registered.length > 0, 'found no app.command() under bot/slack/');
    assert.deepEqual(slashCommands.map((entry) => entry.command).sort(), [...new Set(registered)].sort());
  });

  it('describes each slash command within Slack limits, unescaped', () => {
    for (const entry of slashCommands) {
      assert.match(entry.command, /^\/[a-z0-9_-]{1,31}$/, entry.command);
      assert.ok(entry.description.length > 0 && entry.description.length <= 2000, entry.command);
      assert.ok((entry.usage_hint ?? '').length <= 1000, entry.command);
      assert.equal(entry.should_escape, false, `${entry.command}: the handlers parse the raw text`);
    }
  });

  it('names every command in the /em usage hint', () => {
    const em = slashCommands.find((entry) => entry.command === '/em');
    assert.ok(em, '/em is missing');
    for (const { name } of COMMANDS) {
      assert.match(em.usage_hint ?? '', new RegExp(`(^|[^\\w-])${escapeRegExp(name)}([^\\w-]|$)`), name);
    }
  });

  it('asks for exactly the bot scopes the code uses, and no user scopes', () => {
    assert.deepEqual([...(slackManifest.oauth_config.scopes.bot ?? [])].sort(), SLACK_BOT_SCOPES);
    assert.equal(slackManifest.oauth_config.scopes.user, undefined);
  });

  it(`points every request URL at ${SLACK_EVENTS_PATH} over HTTPS`, () => {
    const urls = [
      ...slashCommands.map((entry) => entry.url),
      slackManifest.settings.interactivity?.request_url,
      slackManifest.settings.event_subscriptions?.request_url,
    ].filter((url) => url !== undefined);
    assert.ok(urls.length > 0, 'no request URL at all');
    for (const url of urls) {
      assert.ok(URL.canParse(url), url);
      const parsed = new URL(url);
      assert.equal(parsed.protocol, 'https:', url);
      assert.equal(parsed.pathname, SLACK_EVENTS_PATH, url);
    }
  });

  it('turns on interactivity and events only when listeners need them', () => {
    const interactive = /\bapp\.(action|view|shortcut|options)\(/.test(source);
    const events = /\bapp\.(event|message)\(/.test(source);
    assert.equal(slackManifest.settings.interactivity?.is_enabled ?? false, interactive);
    assert.equal((slackManifest.settings.event_subscriptions?.bot_events ?? []).length > 0, events);
  });

  it('subscribes to exactly the events the code listens to, and shows the App Home tab it publishes', () => {
    const listened = [...source.matchAll(/\bapp\.event\(\s*(['"`])([a-z_]+)\1/g)].map((match) => match[2]);
    assert.deepEqual(
      [...(slackManifest.settings.event_subscriptions?.bot_events ?? [])].sort(),
      [...new Set(listened)].sort(),
    );
    assert.equal(slackManifest.features.app_home?.home_tab_enabled ?? false, /views\.publish\(/.test(source));
  });

  it('uses HTTP by default, a long-lived bot token and a single workspace', () => {
    assert.equal(slackManifest.settings.socket_mode_enabled, false);
    assert.equal(slackManifest.settings.token_rotation_enabled, false, 'the bot keeps one xoxb- token');
    assert.equal(slackManifest.settings.org_deploy_enabled, false);
    assert.ok(slackManifest.features.bot_user?.display_name, 'a bot user is needed to post');
    assert.ok(slackManifest.display_information.name.length <= 35);
  });
});

// ---- Teams ----------------------------------------------------------------------------------------------

interface TeamsCommand {
  title: string;
  description: string;
}

interface TeamsManifest {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  icons: { color: string; outline: string };
  bots: {
    botId: string;
    scopes: string[];
    commandLists?: { scopes: string[]; commands: TeamsCommand[] }[];
  }[];
  validDomains?: string[];
}

const TEAMS_DIR = path.join(root, 'manifests', 'teams');
const TEAMS_SCHEMA =
  'https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.schema.json';
const APP_ID_TOKEN = '${{MICROSOFT_APP_ID}}';
/** Limits from the v1.17 schema: up to 3 command lists of up to 10 commands. */
const TEAMS_LIMITS = { lists: 3, commands: 10, title: 32, description: 128 };

const readTeamsManifest = (text = readFileSync(path.join(TEAMS_DIR, 'manifest.json'), 'utf8')) =>
  JSON.parse(text) as TeamsManifest;

interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
  /** The compressed image data, all IDAT chunks joined. */
  data: Buffer;
}

/** Reads a PNG's chunks, checking the signature and each chunk's CRC. */
function readPng(bytes: Buffer): Png {
  assert.deepEqual(
    [...bytes.subarray(0, 8)],
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    'PNG signature',
  );
  const idat: Buffer[] = [];
  let header: Buffer | undefined;
  for (let offset = 8; offset < bytes.length;) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    assert.equal(
      bytes.readUInt32BE(offset + 8 + length),
      crc32(bytes.subarray(offset + 4, offset + 8 + length)),
    );
    if (type === 'IHDR') header = data;
    if (type === 'IDAT') idat.push(data);
    offset += length + 12;
  }
  assert.ok(header, 'no IHDR chunk');
  return {
    width: header.readUInt32BE(0),
    height: header.readUInt32BE(4),
    bitDepth: header[8] ?? 0,
    colorType: header[9] ?? 0,
    interlace: header[12] ?? 0,
    data: Buffer.concat(idat),
  };
}

/** Decodes an 8-bit RGBA, non-interlaced PNG to its pixels (undoing all five row filters). */
function rgbaPixels(png: Png): Buffer {
  assert.deepEqual(
    [png.bitDepth, png.colorType, png.interlace],
    [8, 6, 0],
    'expected 8-bit RGBA, not interlaced',
  );
  const raw = inflateSync(png.data);
  const stride = png.width * 4;
  const pixels = Buffer.alloc(stride * png.height);
  for (let y = 0; y < png.height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= 4 ? (pixels[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (pixels[(y - 1) * stride + x - 4] ?? 0) : 0;
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      const paeth = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      const predictor = [0, left, up, (left + up) >> 1, paeth][filter ?? -1];
      assert.notEqual(predictor, undefined, `row ${y}: unknown filter ${filter}`);
      pixels[y * stride + x] = (value + (predictor ?? 0)) & 0xff;
    }
  }
  return pixels;
}

/** The files in a zip, by name, read through its central directory. */
function readZip(bytes: Buffer): Map<string, Buffer> {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'no end of central directory record');
  const files = new Map<string, Buffer>();
  let entry = bytes.readUInt32LE(end + 16);
  for (let index = 0; index < bytes.readUInt16LE(end + 10); index += 1) {
    assert.equal(bytes.readUInt32LE(entry), 0x02014b50, 'central directory entry');
    const method = bytes.readUInt16LE(entry + 10);
    const size = bytes.readUInt32LE(entry + 20);
    const nameLength = bytes.readUInt16LE(entry + 28);
    const name = bytes.toString('utf8', entry + 46, entry + 46 + nameLength);
    const local = bytes.readUInt32LE(entry + 42);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : data);
    entry += 46 + nameLength + bytes.readUInt16LE(entry + 30) + bytes.readUInt16LE(entry + 32);
  }
  return files;
}

describe('Teams app manifest (manifests/teams/)', () => {
  const manifest = readTeamsManifest();
  const expectedCommands = COMMANDS.filter((command) => command.inTeamsMenu !== false).map(
    ({ name, description }) => ({ title: name, description }),
  );

  it('follows schema v1.17 and has a semantic version', () => {
    assert.equal(manifest.$schema, TEAMS_SCHEMA);
    assert.equal(manifest.manifestVersion, '1.17');
    assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
  });

  it(`uses ${APP_ID_TOKEN} as the app id and the id of its one bot`, () => {
    assert.equal(manifest.id, APP_ID_TOKEN);
    assert.equal(manifest.bots.length, 1);
    assert.equal(manifest.bots[0]?.botId, APP_ID_TOKEN);
  });

  it('lists every command, with its description, in each scope the bot serves', () => {
    const bot = manifest.bots[0];
    assert.ok(bot);
    assert.deepEqual([...bot.scopes].sort(), ['groupChat', 'personal', 'team']);
    const lists = bot.commandLists ?? [];
    for (const scope of bot.scopes) {
      const forScope = lists.filter((list) => list.scopes.includes(scope));
      assert.equal(forScope.length, 1, `${scope}: expected one command list`);
      assert.deepEqual(forScope[0]?.commands, expectedCommands, scope);
    }
    for (const list of lists) {
      for (const scope of list.scopes) assert.ok(bot.scopes.includes(scope), `${scope} is not a bot scope`);
    }
  });

  it("keeps the command lists within Teams' limits", () => {
    const lists = manifest.bots[0]?.commandLists ?? [];
    assert.ok(lists.length <= TEAMS_LIMITS.lists, `${lists.length} command lists`);
    for (const list of lists) {
      assert.ok(list.commands.length <= TEAMS_LIMITS.commands, `${list.commands.length} commands`);
      for (const { title, description } of list.commands) {
        assert.ok(title.length > 0 && title.length <= TEAMS_LIMITS.title, `title "${title}"`);
        assert.ok(
          description.length > 0 && description.length <= TEAMS_LIMITS.description,
          `${title}: description`,
        );
      }
    }
  });

  it('ships a 192x192 colour icon and a 32x32 white-on-transparent outline icon', () => {
    const color = readPng(readFileSync(path.join(TEAMS_DIR, manifest.icons.color)));
    assert.deepEqual([color.width, color.height], [192, 192], manifest.icons.color);
    const outline = readPng(readFileSync(path.join(TEAMS_DIR, manifest.icons.outline)));
    assert.deepEqual([outline.width, outline.height], [32, 32], manifest.icons.outline);
    const pixels = rgbaPixels(outline);
    let opaque = 0;
    for (let offset = 0; offset < pixels.length; offset += 4) {
      if (pixels[offset + 3] === 0) continue;
      opaque += 1;
      assert.deepEqual(
        [...pixels.subarray(offset, offset + 3)],
        [255, 255, 255],
        `pixel ${offset / 4} not white`,
      );
    }
    assert.ok(
      opaque > 0 && opaque < pixels.length / 4,
      'the outline icon needs both white and transparent pixels',
    );
  });

  describe('scripts/package-teams-app.sh', () => {
    const env = {
      ...process.env,
      MICROSOFT_APP_ID: '8f2d3c1a-5b6e-4f70-9a81-b2c3d4e5f607',
      BOT_DOMAIN: 'em-agent.example.com',
    };
    let dir: string;
    before(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'em-agent-teams-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    const packageApp = (out: string, extraEnv: NodeJS.ProcessEnv) =>
      spawnSync('bash', [path.join(root, 'scripts', 'package-teams-app.sh'), out], {
        env: extraEnv,
        encoding: 'utf8',
      });

    for (const [label, zipBin] of [
      ['with zip, or Node where zip is not installed', undefined],
      ['with Node, as ZIP_BIN= forces', ''],
    ] as const) {
      it(`zips the manifest with every token filled in, and the icons (${label})`, () => {
        const out = path.join(dir, `${zipBin === undefined ? 'zip' : 'node'}.zip`);
        const run = packageApp(out, zipBin === undefined ? env : { ...env, ZIP_BIN: zipBin });
        assert.equal(run.status, 0, run.stderr);
        const files = readZip(readFileSync(out));
        assert.deepEqual([...files.keys()].sort(), ['color.png', 'manifest.json', 'outline.png']);
        const text = files.get('manifest.json')?.toString('utf8') ?? '';
        assert.doesNotMatch(text, /\$\{\{/, 'a token was left in the manifest');
        const packaged = readTeamsManifest(text);
        assert.equal(packaged.id, env.MICROSOFT_APP_ID);
        assert.equal(packaged.bots[0]?.botId, env.MICROSOFT_APP_ID);
        assert.deepEqual(packaged.validDomains, [env.BOT_DOMAIN]);
        for (const icon of ['color.png', 'outline.png']) {
          assert.deepEqual(files.get(icon), readFileSync(path.join(TEAMS_DIR, icon)), icon);
        }
      });
    }

    it('refuses to package without a Microsoft App ID', () => {
      const out = path.join(dir, 'missing.zip');
      const run = packageApp(out, { ...env, MICROSOFT_APP_ID: '' });
      assert.notEqual(run.status, 0);
      assert.match(run.stderr, /MICROSOFT_APP_ID must be a GUID/);
    });
  });
});
