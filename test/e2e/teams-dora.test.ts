import assert from 'node:assert/strict';
import { writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AdaptiveCard, CardAction, CardElement } from '../../cards/teams/types.ts';
import { DORA_ACTIONS } from '../../handlers/metrics/dora-actions.ts';
import { FakeBotConnector } from '../fakes/bot-connector.ts';
import { generateOrg } from '../handlers/metrics/generate-org.ts';
import { createFixtureMetricsReader } from '../support/fixture-metrics-reader.ts';
import { readPngSize } from '../support/png.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { adaptiveCardProblems } from '../support/validate-cards.ts';

/** Without app credentials (demo mode) the demo tenant serves every activity. */
const TENANT = 'demo';
const NOW = new Date('2026-10-20T12:00:00Z');
const ANA = { id: '29:1ana', name: 'Ana Lima', aadObjectId: 'a11ce000-0000-4000-8000-00000000000a' };
const PERSONAL = { id: 'a:personal-ana', conversationType: 'personal', tenantId: TENANT };

function executes(
  elements: readonly (CardElement | CardAction)[],
): Extract<CardAction, { type: 'Action.Execute' }>[] {
  return elements.flatMap((element) => {
    if (element.type === 'Action.Execute') return [element];
    if (element.type === 'Container') return executes(element.items);
    if (element.type === 'ActionSet') return executes(element.actions);
    return [];
  });
}

describe('Teams: dora, its charts and its why buttons end to end (demo mode, real database)', function () {
  this.timeout(60_000);
  let connector: FakeBotConnector;
  let server: TestServer;

  before(async () => {
    connector = new FakeBotConnector();
    await connector.http.start();
    server = await startTestServer(
      import.meta.url,
      {},
      {
        now: () => NOW,
        metricsReader: createFixtureMetricsReader(generateOrg(5, 3, 56), { tenantId: TENANT }),
      },
    );
  });
  after(async () => {
    await server.close();
    await connector.http.stop();
  });

  const post = (body: unknown) =>
    fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const activity = () => ({
    id: `act-${Math.random().toString(36).slice(2)}`,
    timestamp: new Date().toISOString(),
    serviceUrl: connector.serviceUrl,
    channelId: 'msteams',
    from: ANA,
    conversation: PERSONAL,
    recipient: { id: '28:em-agent-bot', name: 'em-agent' },
    locale: 'en-US',
    channelData: {},
  });

  /** Sends a message and resolves with the cards of the `count` replies it gets. */
  async function say(text: string, count: number): Promise<AdaptiveCard[]> {
    const before = connector.posts().length;
    const response = await post({ ...activity(), type: 'message', text });
    assert.ok(response.status < 300, `status ${response.status}`);
    const deadline = Date.now() + 20_000;
    while (connector.posts().length < before + count) {
      if (Date.now() > deadline) assert.fail(`${connector.posts().length - before} of ${count} replies`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return connector
      .posts()
      .slice(before)
      .map((reply) => reply.activity.attachments![0]!.content as unknown as AdaptiveCard);
  }

  async function execute(card: AdaptiveCard, verb: string, index = 0): Promise<AdaptiveCard> {
    const action =
      executes(card.body).filter((candidate) => candidate.verb === verb)[index] ??
      (card.actions ?? []).find(
        (candidate) => candidate.type === 'Action.Execute' && candidate.verb === verb,
      );
    assert.ok(action && action.type === 'Action.Execute', `no ${verb} button`);
    const response = await post({
      ...activity(),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data: action.data }, trigger: 'manual' },
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { type: string; value: unknown };
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(body));
    const next = body.value as AdaptiveCard;
    assert.deepEqual(adaptiveCardProblems(next), []);
    return next;
  }

  it('answers "dora" with the figures card, then one card per chart with a 1x PNG data URI', async () => {
    const [figures, ...charts] = await say('dora all last 30d', 3);
    assert.deepEqual(adaptiveCardProblems(figures), []);
    assert.match(JSON.stringify(figures!.body), /Delivery: everyone, last 30 days/);
    assert.equal(executes(figures!.body).filter((action) => action.verb === DORA_ACTIONS.why).length, 5);
    const dir = join(tmpdir(), 'em-agent-charts');
    await mkdir(dir, { recursive: true });
    const titles = [];
    for (const card of charts) {
      assert.deepEqual(adaptiveCardProblems(card), []);
      assert.ok(
        JSON.stringify(card).length < 28_000,
        `${JSON.stringify(card).length} characters: Teams' ~28 KB`,
      );
      const image = card.body.find((element) => element.type === 'Image');
      assert.ok(image && image.type === 'Image');
      const [, base64] = /^data:image\/png;base64,(.+)$/.exec(image.url) ?? [];
      assert.ok(base64, 'a PNG data URI');
      const png = Buffer.from(base64, 'base64');
      assert.deepEqual(readPngSize(png), { width: 480, height: 288 }, '1x');
      assert.ok(png.length > 5_000 && png.length < 28_000, `${png.length} bytes`);
      titles.push((card.body[0] as { text: string }).text);
      await writeFile(join(dir, `teams-${titles.length}.png`), png);
    }
    assert.deepEqual(titles, ['Deployments per week', 'Lead time for changes (p50 and p90)']);
  });

  it('answers "why" with the basis card, and "back" with the figures', async () => {
    const [figures] = await say('dora acme/svc2 2026-Q3', 3);
    const why = await execute(figures!, DORA_ACTIONS.why, 3);
    assert.match(JSON.stringify(why.body), /Why: Failed deployment recovery for acme\/svc2, 2026-Q3/);
    const back = await execute(why, DORA_ACTIONS.show);
    assert.match(JSON.stringify(back.body), /Delivery: acme\/svc2, 2026-Q3/);
  });

  it('refuses a person', async () => {
    const [notice] = await say('dora me', 1);
    assert.match(JSON.stringify(notice), /about teams, not people/);
  });
});
