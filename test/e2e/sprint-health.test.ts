import assert from 'node:assert/strict';
import type { AdaptiveCard, CardAction, CardElement } from '../../cards/teams/types.ts';
import { sprintPaths } from '../../bot/http/openapi/sprint-paths.ts';
import type { SprintHealthJson } from '../../bot/http/sprint-routes.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_CHART_DATA_URL } from '../../bot/charts/attach-chart-image.ts';
import { SPRINT_WHY_ACTION } from '../../handlers/sprint/sprint-actions.ts';
import { FakeBotConnector } from '../fakes/bot-connector.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { sprintStory, type StoryDelivery } from '../support/jira-sprint-story.ts';
import { schemaProblems } from '../support/json-schema-subset.ts';
import { readPngSize } from '../support/png.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { buttonClick, postInteraction, slackUser } from '../support/slack-interactivity.ts';
import { postToSlack, slashCommandBody } from '../support/slack-signing.ts';
import { adaptiveCardProblems, assertWithinSlackLimits } from '../support/validate-cards.ts';
import { sendJira } from '../support/webhook-delivery.ts';

const SIGNING_SECRET = 'e2e-signing-secret-0123456789abcdef';
const JIRA_SECRET = 'sprint-health-jira-secret';
const ORDERED_SECRET = 'sprint-health-ordered-secret';
const API_TOKEN = 'sprint-health-api-token-0123456789';
/** Demo mode with Slack credentials: Slack, Teams, the env's Jira webhooks and API token all serve `demo`. */
const TENANT = 'demo';
const ORDERED = 'T0ORDERED';
const MINUTE = 60_000;
const NOW = new Date('2026-10-13T12:00:00Z');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- wire JSON

describe('sprint health end to end: Jira webhooks → snapshot and history → Slack, Teams and REST', function () {
  this.timeout(90_000);
  let slack: FakeSlack;
  let connector: FakeBotConnector;
  let server: TestServer;
  let clock = new Date('2026-09-30T09:01:00Z');
  let orderedToken: string;
  let emptyToken: string;

  /** Sends one delivery with the bot's clock at `receivedAt`, and waits until its facts (and snapshot) are written. */
  async function deliver(delivery: StoryDelivery, receivedAt: Date, path?: string, secret = JIRA_SECRET) {
    clock = receivedAt;
    const sent = await sendJira(server.url, secret, delivery.payload, path ? { path } : {});
    assert.equal(sent.status, 202, JSON.stringify(sent.body));
    await server.normalizer.idle();
  }

  before(async () => {
    slack = new FakeSlack();
    await slack.http.start();
    connector = new FakeBotConnector();
    await connector.http.start();
    server = await startTestServer(
      import.meta.url,
      {
        SLACK_BOT_TOKEN: 'xoxb-e2e-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        DEMO_MODE: 'on',
        JIRA_WEBHOOK_SECRET: JIRA_SECRET,
        API_TOKEN,
      },
      { demoData: false, now: () => clock },
    );
    const story = sprintStory();
    // The demo tenant hears the sprint_started webhook two days late, after an issue added on 7 October; the
    // pre-start history arrives after that, newest first.
    const [
      eng104Created,
      eng102Created,
      eng101Added,
      started,
      eng101Started,
      eng103Added,
      eng104Removed,
      eng102Done,
      eng101Flagged,
    ] = story;
    await deliver(eng102Created!, new Date('2026-10-01T09:01:00Z'));
    await deliver(eng103Added!, new Date('2026-10-07T10:01:00Z'));
    await deliver(started!, new Date('2026-10-07T10:05:00Z'));
    for (const late of [
      eng101Flagged,
      eng102Done,
      eng104Removed,
      eng101Started,
      eng101Added,
      eng104Created,
    ]) {
      await deliver(late!, new Date('2026-10-12T10:01:00Z'));
    }
    // Another tenant hears the same story as it happens, each delivery a minute after the fact.
    await server.models.Tenant.ensure(ORDERED, 'slack', 'Ordered');
    await server.models.Tenant.updateOne(
      { tenantId: ORDERED },
      { $set: { 'webhookSecrets.jira': ORDERED_SECRET } },
    );
    for (const delivery of story) {
      await deliver(
        delivery,
        new Date(delivery.at.getTime() + MINUTE),
        `/webhooks/jira/${ORDERED}`,
        ORDERED_SECRET,
      );
    }
    orderedToken = (await server.models.ApiToken.issue(ORDERED, 'sprint test')).token;
    emptyToken = (await server.models.ApiToken.issue('T0EMPTY', 'sprint test')).token;
    clock = NOW;
  });
  after(async () => {
    await server.close();
    await slack.http.stop();
    await connector.http.stop();
  });

  async function rest(path: string, token = API_TOKEN) {
    const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as Json };
  }

  it('takes the start snapshot from the signed sprint_started webhook, once, with what the facts held then', async () => {
    const snapshots = [
      ...(await server.models.SprintSnapshot.find({ tenantId: ORDERED }).lean()),
      ...(await server.models.SprintSnapshot.find({ tenantId: TENANT }).lean()),
    ];
    const shape = snapshots.map((snapshot) => ({
      tenantId: snapshot.tenantId,
      takenAt: snapshot.takenAt.toISOString(),
      keys: snapshot.issues.map((issue) => issue.key).sort(),
    }));
    assert.deepEqual(shape, [
      { tenantId: ORDERED, takenAt: '2026-10-05T08:01:00.000Z', keys: ['ENG-101', 'ENG-102', 'ENG-104'] },
      // Late: ENG-103 (added after the start) was already in; ENG-101 and ENG-104 had not arrived yet.
      { tenantId: TENANT, takenAt: '2026-10-07T10:05:00.000Z', keys: ['ENG-102', 'ENG-103'] },
    ]);
    const replay = sprintStory()[3]!;
    await deliver(replay, NOW, `/webhooks/jira/${ORDERED}`, ORDERED_SECRET);
    clock = NOW;
    const again = await server.models.SprintSnapshot.findOne({ tenantId: ORDERED }).lean();
    assert.equal(
      again!.takenAt.toISOString(),
      '2026-10-05T08:01:00.000Z',
      'a replayed start keeps the first snapshot',
    );
  });

  it('answers GET /v1/metrics/sprints/37 with the hand-computed figures, in the documented shape', async () => {
    const { status, body } = await rest('/v1/metrics/sprints/37');
    assert.equal(status, 200, JSON.stringify(body));
    const schema =
      sprintPaths['/v1/metrics/sprints/{id}'].get.responses['200'].content['application/json'].schema;
    assert.deepEqual(schemaProblems(schema, body), []);
    const health = body as SprintHealthJson;
    const keys = (items: { key: string }[]) => items.map((item) => item.key);
    assert.equal(health.unit, 'points');
    assert.equal(health.elapsed, 0.638);
    assert.deepEqual(
      [keys(health.committed.items), health.committed.points],
      [['ENG-101', 'ENG-102', 'ENG-104'], 9],
    );
    assert.deepEqual([keys(health.completed.items), health.completed.points], [['ENG-102'], 3]);
    assert.deepEqual([keys(health.added.items), health.added.points], [['ENG-103'], 2]);
    assert.deepEqual([keys(health.removed.items), health.removed.points], [['ENG-104'], 1]);
    assert.deepEqual([keys(health.not_done.items), health.not_done.points], [['ENG-101', 'ENG-103'], 7]);
    assert.deepEqual(
      health.blocked.map((item) => [item.key, item.reason, item.since, item.working_days]),
      [['ENG-101', 'flagged', '2026-10-12T10:00:00.000Z', 1.3]],
    );
    assert.equal(health.verdict.level, 'off-track');
    assert.deepEqual(
      health.verdict.reasons.map((reason) => reason.text),
      [
        '3 of 10 points done with 64% of the working time gone: 3.4 points behind the ideal line.',
        'Scope grew by 11% of the commitment: 2 points added and 1 point removed after the start.',
        '1 item is blocked (ENG-101), the longest (ENG-101) for 1.3 working days.',
      ],
    );
    assert.deepEqual(health.basis, { snapshot: 'late', from_history: 2, assumed: 0 });
    const today = health.burndown.find((point) => point.day === '2026-10-13')!;
    assert.deepEqual([today.at, today.remaining], [NOW.toISOString(), 7]);
  });

  it('gives the same answer whatever order the webhooks came in (the in-order tenant has a timely snapshot)', async () => {
    const late = (await rest('/v1/metrics/sprints/37')).body;
    const ordered = await rest('/v1/metrics/sprints/37', orderedToken);
    assert.equal(ordered.status, 200);
    assert.deepEqual(ordered.body.basis, { snapshot: 'webhook', from_history: 2, assumed: 0 });
    assert.deepEqual({ ...ordered.body, basis: null }, { ...late, basis: null });
  });

  it('refuses bad ids, unknown sprints and missing tokens, and shows a tenant only its own sprints', async () => {
    assert.equal((await rest('/v1/metrics/sprints/abc')).status, 400);
    assert.equal((await rest('/v1/metrics/sprints/99')).status, 404);
    const other = await rest('/v1/metrics/sprints/37', emptyToken);
    assert.equal(other.status, 404);
    assert.match(other.body.error.message, /No sprint 37 in this tenant/);
    const anonymous = await fetch(`${server.url}/v1/metrics/sprints/37`);
    assert.equal(anonymous.status, 401);
  });

  it('answers /sprint-health privately in Slack, uploads the burndown to the DM, and Why? replaces it with every reason and item', async () => {
    const body = slashCommandBody({
      text: '',
      command: '/sprint-health',
      responseUrl: slack.responseUrl('sprint-1'),
      teamId: slack.team.id,
    });
    assert.equal((await postToSlack(server.url, body, SIGNING_SECRET)).status, 200);
    const reply = await slack.waitForResponse('sprint-1');
    assert.equal(reply.response_type, 'ephemeral');
    assertWithinSlackLimits(reply as never);
    const blocks = JSON.stringify(reply.blocks);
    assert.match(blocks, /ENG Sprint 14: Off track/);
    assert.match(blocks, /3 of 10 points done with 64% of the working time gone/);
    assert.doesNotMatch(blocks, /Scope grew/, 'the compact answer gives the worst reason only');
    const why = (reply.blocks as Json[])
      .flatMap((block) => block.elements ?? [])
      .find((element: Json) => element.action_id === SPRINT_WHY_ACTION);
    assert.ok(why, 'a Why? button');

    // The answer is ephemeral, and an ephemeral message carries no file: the burndown goes to the asker's DM,
    // through the three steps of files.uploadV2.
    await slack.http.waitFor((request) => request.path === '/api/files.completeUploadExternal', 20_000);
    assert.equal(slack.calls('files.getUploadURLExternal').length, 1);
    const [upload] = slack.uploads();
    assert.equal(upload!.filename, 'sprint-burndown.png');
    assert.equal(upload!.channel, 'D0ALICE', "in the asker's DM");
    assert.equal(upload!.title, 'Burndown: ENG Sprint 14');
    assert.match(
      upload!.altText!,
      /^Burndown of ENG Sprint 14: story points left each day against the ideal line/,
    );
    assert.match(upload!.initialComment!, /^Chart for ENG Sprint 14 \(/);
    assert.equal(upload!.bytes.length, upload!.length, 'the declared length');
    assert.deepEqual(readPngSize(upload!.bytes), { width: 1200, height: 720 }, '600×360 at 2x');
    assert.ok(
      upload!.bytes.length > 10_000 && upload!.bytes.length < 500_000,
      `${upload!.bytes.length} bytes`,
    );
    const dir = join(tmpdir(), 'em-agent-charts');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'slack-sprint-burndown.png'), upload!.bytes);

    const click = buttonClick({
      teamId: slack.team.id,
      user: slackUser('U0ALICE'),
      actionId: SPRINT_WHY_ACTION,
      value: why.value,
      label: 'Why?',
      blockId: 'sprint_actions',
      in: { channel: 'C0CHANNEL', messageTs: '1700000000.000200', ephemeral: true },
      responseUrl: slack.responseUrl('sprint-why'),
    });
    assert.equal((await postInteraction(server.url, SIGNING_SECRET, click)).status, 200);
    const expanded = await slack.waitForResponse('sprint-why');
    assert.equal(expanded.replace_original, true);
    const text = JSON.stringify(expanded.blocks);
    assert.match(text, /Scope grew by 11% of the commitment/);
    assert.match(text, /Added after the start.*ENG-103/);
    assert.match(text, /Removed after the start.*ENG-104/);
    assert.match(text, /ENG-101\* Saved cards at checkout · flagged · 1.3 working days/);
    assert.match(text, /The start snapshot was taken late/);

    const forged = buttonClick({
      teamId: slack.team.id,
      user: slackUser('U0ALICE'),
      actionId: SPRINT_WHY_ACTION,
      value: 'policy set anything',
      in: { channel: 'C0CHANNEL', messageTs: '1700000000.000200', ephemeral: true },
      responseUrl: slack.responseUrl('sprint-forged'),
    });
    assert.equal((await postInteraction(server.url, SIGNING_SECRET, forged)).status, 200);
    assert.match(String((await slack.waitForResponse('sprint-forged')).text), /no longer works/);
  });

  it('answers "sprint" in Teams with a card the parser accepts, the burndown inside as a small PNG, and Why?', async () => {
    const before = connector.posts().length;
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'act-sprint',
        timestamp: new Date().toISOString(),
        serviceUrl: connector.serviceUrl,
        channelId: 'msteams',
        from: { id: '29:1ana', name: 'Ana Lima', aadObjectId: 'a11ce000-0000-4000-8000-00000000000a' },
        conversation: { id: 'a:personal-chat', conversationType: 'personal' },
        recipient: { id: '28:em-agent-bot', name: 'em-agent' },
        locale: 'en-US',
        channelData: {},
        text: 'sprint ENG',
      }),
    });
    assert.ok(response.status < 300, `status ${response.status}`);
    const deadline = Date.now() + 20_000;
    while (connector.posts().length <= before) {
      if (Date.now() > deadline) assert.fail('no reply');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const card = connector.posts().at(-1)!.activity.attachments![0]!.content as unknown as AdaptiveCard;
    assert.deepEqual(adaptiveCardProblems(card), []);
    const image = card.body.find(
      (element): element is Extract<CardElement, { type: 'Image' }> => element.type === 'Image',
    );
    assert.ok(image, 'the burndown image');
    assert.match(image.url, /^data:image\/png;base64,iVBORw0KGgo/);
    assert.ok(image.url.length <= MAX_CHART_DATA_URL, `${image.url.length} characters`);
    const show = (card.actions ?? []).find(
      (action): action is Extract<CardAction, { type: 'Action.ShowCard' }> =>
        action.type === 'Action.ShowCard',
    );
    assert.equal(show?.title, 'Why?');
    assert.match(JSON.stringify(show!.card.body), /Scope grew by 11%/);
    assert.match(JSON.stringify(card.body), /Off track/);
  });
});
