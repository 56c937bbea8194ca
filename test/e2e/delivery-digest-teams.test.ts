import assert from 'node:assert/strict';
import { createStandupStore } from '../../data/standup/mongo-standup-store.ts';
import { DELIVERY_DIGEST_JOB } from '../../jobs/delivery-digest.ts';
import { FakeBotConnector } from '../fakes/bot-connector.ts';
import { createWeeklyMetricsReader, weekFigures } from '../support/digest-metrics-reader.ts';
import { runJobOn } from '../support/run-job.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { eventually } from '../support/standup-tick.ts';
import { adaptiveCardProblems } from '../support/validate-cards.ts';

/** Without app credentials (demo mode) the demo tenant serves every activity from a loopback serviceUrl. */
const TENANT = 'demo';
const TEAM_ID = '19:team-platform@thread.tacv2';
const CHANNEL = '19:channel-delivery@thread.tacv2';
const REPORT_CHANNEL = '19:channel-standup@thread.tacv2';
// Ana Lima is one of the demo policy's approvers (data/demo/demo-policy.yaml): she may turn the digest on.
const ANA = { id: '29:1ana', name: 'Ana', aadObjectId: '9878f927-48e2-43c2-b9a3-eaeeceeadccb' };
const personalChat = `a:personal-${ANA.aadObjectId}`;

describe('the weekly delivery digest in Teams, through the scheduler with the clock moved', function () {
  this.timeout(120_000);
  let connector: FakeBotConnector;
  let server: TestServer;
  let clock = new Date('2027-01-27T12:00:00Z');

  before(async () => {
    connector = new FakeBotConnector();
    await connector.http.start();
    server = await startTestServer(
      import.meta.url,
      {},
      {
        now: () => clock,
        scheduler: { processEvery: 100 },
        metricsReader: createWeeklyMetricsReader(TENANT, 'Platform', {
          '2027-01-18': weekFigures(4, 30),
          '2027-01-25': weekFigures(12, 10),
        }),
      },
    );
    await say('tz Europe/London');
    await createStandupStore(server.models.Standup, server.models.StandupAnswer).create(
      TENANT,
      {
        name: 'Platform',
        surface: 'teams',
        reportChannel: REPORT_CHANNEL,
        owner: { tool: 'teams', handle: ANA.aadObjectId },
        members: [{ tool: 'teams', handle: ANA.aadObjectId }],
        memberSource: { kind: 'people' },
        questions: [{ id: 'q1', text: 'Anything blocking you?', kind: 'text' }],
        days: [],
        promptTime: '09:30',
        deadlineTime: '11:00',
        reminderMinutes: null,
      },
      clock,
    );
  });
  after(async () => {
    await server.close();
    await connector.http.stop();
  });

  /** Ana sends a message, in her personal chat or in the channel; resolves with the bot's reply. */
  async function say(text: string, inChannel = false): Promise<string> {
    const before = connector.posts().length;
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: `act-${Math.random().toString(36).slice(2)}`,
        type: 'message',
        text,
        timestamp: new Date().toISOString(),
        serviceUrl: connector.serviceUrl,
        channelId: 'msteams',
        from: ANA,
        conversation: inChannel
          ? { id: CHANNEL, conversationType: 'channel', isGroup: true }
          : { id: personalChat, conversationType: 'personal' },
        recipient: { id: '28:em-agent-bot', name: 'em-agent' },
        locale: 'en-US',
        channelData: inChannel ? { team: { id: TEAM_ID } } : {},
      }),
    });
    assert.ok(response.status < 300, `status ${response.status}`);
    await eventually(() => connector.posts().length > before, `no reply to "${text}"`);
    return JSON.stringify(connector.posts().slice(before));
  }

  async function tick(now: string): Promise<void> {
    clock = new Date(now);
    await runJobOn(server, DELIVERY_DIGEST_JOB);
  }

  const digests = () =>
    connector
      .posts()
      .filter((post) => post.conversationId === CHANNEL && /Delivery this week/.test(JSON.stringify(post)));

  it('opts in with "digest delivery on" typed in the channel it should post to', async () => {
    const answer = await say('digest delivery on', true);
    assert.match(answer, /Saved\. Delivery digest for Platform/);
    assert.match(answer, /Mondays at 09:00/);
    const settings = await server.models.DeliveryDigestSettings.findOne({ tenantId: TENANT }).lean();
    assert.equal(settings?.channel, CHANNEL);
  });

  it("posts one Adaptive Card in that channel at the team's Monday 09:00, once however often the job runs", async () => {
    await tick('2027-02-01T08:55:00Z');
    assert.equal(digests().length, 0);
    await tick('2027-02-01T09:00:00Z');
    await tick('2027-02-01T09:15:00Z');
    assert.equal(digests().length, 1);
    const [attachment] = digests()[0]!.activity.attachments ?? [];
    assert.equal(attachment?.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.deepEqual(adaptiveCardProblems(attachment!.content), []);
    const text = JSON.stringify(attachment!.content);
    assert.match(text, /Deployments: 12, up from 4\./);
    assert.match(text, /Lead time for changes \(median\): 10\.0 h, down from 30\.0 h\./);
    assert.match(text, /Only 30% of merged PRs are linked to a deployment/);
    assert.equal(
      connector.posts().filter((post) => post.conversationId === REPORT_CHANNEL).length,
      0,
      'the channel it was turned on in, not the standup report channel',
    );
  });
});
