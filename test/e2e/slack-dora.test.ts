import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SlackMessage } from '../../cards/slack/types.ts';
import { DORA_ACTIONS } from '../../handlers/metrics/dora-actions.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { generateOrg } from '../handlers/metrics/generate-org.ts';
import { createFixtureMetricsReader } from '../support/fixture-metrics-reader.ts';
import { readPngSize } from '../support/png.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { buttonClick, postInteraction, slackUser } from '../support/slack-interactivity.ts';
import { postToSlack, slashCommandBody } from '../support/slack-signing.ts';
import { assertWithinSlackLimits } from '../support/validate-cards.ts';

const SIGNING_SECRET = 'e2e-dora-signing-secret-0123456789';
const NOW = new Date('2026-10-20T12:00:00Z');
const ANA = slackUser('U0ANA');
type Reply = SlackMessage & { response_type?: string; replace_original?: boolean };

async function startDoraServer(withReader = true) {
  const slack = new FakeSlack();
  await slack.http.start();
  const reader = createFixtureMetricsReader(generateOrg(5, 3, 56), { tenantId: slack.team.id });
  const server = await startTestServer(
    import.meta.url,
    {
      SLACK_BOT_TOKEN: 'xoxb-e2e-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    },
    { now: () => NOW, ...(withReader ? { metricsReader: reader } : {}) },
  );
  let sequence = 0;
  const command = async (typed: string, slash = '/dora') => {
    const id = `dora-${(sequence += 1)}`;
    const body = slashCommandBody({
      text: typed,
      responseUrl: slack.responseUrl(id),
      teamId: slack.team.id,
      command: slash,
      userId: ANA.id,
    });
    assert.equal((await postToSlack(server.url, body, SIGNING_SECRET)).status, 200);
    return { id, reply: (await slack.waitForResponse(id, 10_000)) as unknown as Reply };
  };
  const click = async (reply: SlackMessage, blockId: string, actionId: string) => {
    const block = reply.blocks.find((candidate) => 'block_id' in candidate && candidate.block_id === blockId);
    const button =
      block?.type === 'section' ? block.accessory : block?.type === 'actions' ? block.elements[0] : undefined;
    assert.ok(button, `no button in ${blockId}`);
    const id = `click-${(sequence += 1)}`;
    const payload = buttonClick({
      teamId: slack.team.id,
      user: ANA,
      actionId,
      value: button.value ?? '',
      label: button.text.text,
      blockId,
      in: { channel: 'C0CHANNEL', messageTs: '1700000000.000200', ephemeral: true },
      responseUrl: slack.responseUrl(id),
    });
    assert.equal((await postInteraction(server.url, SIGNING_SECRET, payload)).status, 200);
    return (await slack.waitForResponse(id, 10_000)) as unknown as Reply;
  };
  const close = async () => {
    await server.close();
    await slack.http.stop();
  };
  return { slack, server, command, click, close };
}

const textOf = (message: SlackMessage) => JSON.stringify(message.blocks);

describe('Slack: /dora end to end (real database, fake Slack, fixture metrics reader)', function () {
  this.timeout(60_000);
  let t: Awaited<ReturnType<typeof startDoraServer>>;
  before(async () => {
    t = await startDoraServer();
  });
  after(() => t.close());

  it('answers privately with the five figures, then uploads both charts to the DM with files.uploadV2', async () => {
    const { reply } = await t.command('');
    assert.equal(reply.response_type, 'ephemeral');
    assertWithinSlackLimits(reply, '/dora');
    const text = textOf(reply);
    assert.match(text, /Delivery: everyone, last 30 days/);
    for (const label of [
      'Deployment frequency',
      'Lead time for changes',
      'Change failure rate',
      'Failed deployment recovery',
      'Deployment rework rate',
    ]) {
      assert.match(text, new RegExp(`\\*${label}\\*: `), label);
    }
    assert.match(text, /Coverage: \d+ of \d+ merged PRs linked to a deployment/);
    await t.slack.http.waitFor((request) => request.path === '/api/files.completeUploadExternal', 20_000);
    const asked = t.slack.calls('files.getUploadURLExternal');
    assert.equal(asked.length, 2);
    const uploads = t.slack.uploads();
    assert.deepEqual(uploads.map((upload) => upload.filename).sort(), [
      'deployments-per-week.png',
      'lead-time-trend.png',
    ]);
    const dir = join(tmpdir(), 'em-agent-charts');
    await mkdir(dir, { recursive: true });
    for (const upload of uploads) {
      assert.equal(upload.channel, 'D0ANA', "in the asker's DM");
      assert.equal(upload.bytes.length, upload.length, 'the declared length');
      assert.deepEqual(readPngSize(upload.bytes), { width: 1200, height: 720 }, '600×360 at 2x');
      assert.ok(
        upload.bytes.length > 10_000 && upload.bytes.length < 500_000,
        `${upload.bytes.length} bytes`,
      );
      assert.ok(upload.altText && upload.altText.length <= 1000);
      assert.match(upload.initialComment ?? '', /^Charts for Delivery: everyone, last 30 days/);
      await writeFile(join(dir, `slack-${upload.filename}`), upload.bytes);
    }
    assert.match(
      uploads.find((u) => u.filename === 'deployments-per-week.png')!.altText!,
      /^Deployments per week: 2026-09-21 \d+/,
    );
  });

  it('answers "why" by replacing the message with the basis, and "back" with the figures', async () => {
    const { reply } = await t.command('acme/svc1 2026-Q3', '/dora');
    assert.match(textOf(reply), /Delivery: acme\/svc1, 2026-Q3/);
    const why = await t.click(reply, 'dora:lead-time', DORA_ACTIONS.why);
    assert.equal(why.replace_original, true);
    assertWithinSlackLimits(why, 'why');
    assert.match(textOf(why), /Why: Lead time for changes for acme\/svc1, 2026-Q3/);
    assert.match(textOf(why), /Slowest changes \(at or above p90\), with their chain/);
    assert.match(textOf(why), /acme\/svc1#\d+ → /);
    const back = await t.click(why, 'dora:back', DORA_ACTIONS.show);
    assert.match(textOf(back), /Delivery: acme\/svc1, 2026-Q3/);
    const cfr = await t.click(back, 'dora:change-fail-rate', DORA_ACTIONS.why);
    assert.match(textOf(cfr), /Failed \/ deployments/);
  });

  it('works through /em dora, and explains a range it cannot read', async () => {
    assert.match(
      textOf((await t.command('dora all last 2w', '/em')).reply),
      /Delivery: everyone, last 2 weeks/,
    );
    assert.match(textOf((await t.command('all last fortnight')).reply), /I could not read that range/);
  });

  it('keeps the figures when the charts cannot be uploaded (no files:write), and says so', async () => {
    t.slack.missingScopes.add('files:write');
    try {
      const before = t.slack.uploads().length;
      const { id } = await t.command('all last 1w');
      const note = await t.slack.http.waitFor(
        (request) => request.path === `/response/${id}` && request.body.includes('charts could not be sent'),
        20_000,
      );
      assert.ok(note);
      assert.equal(t.slack.uploads().length, before);
      assert.ok(t.server.logs.some((line) => line.msg === 'charts not delivered'));
    } finally {
      t.slack.missingScopes.delete('files:write');
    }
  });
});

describe('Slack: /dora on the database reader, with no facts yet', function () {
  this.timeout(60_000);
  let t: Awaited<ReturnType<typeof startDoraServer>>;
  let server: TestServer;
  before(async () => {
    t = await startDoraServer(false);
    server = t.server;
  });
  after(() => t.close());

  it('says nothing was measured and what to check, and uploads nothing', async () => {
    const { reply } = await t.command('');
    assert.match(textOf(reply), /Nothing was measured here: no production deployment, merged PR or incident/);
    assert.equal(t.slack.calls('files.getUploadURLExternal').length, 0);
    assert.ok(server.url);
  });
});
