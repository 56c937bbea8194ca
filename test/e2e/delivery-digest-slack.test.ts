import assert from 'node:assert/strict';
import type { SlackMessage } from '../../cards/slack/types.ts';
import { createStandupStore } from '../../data/standup/mongo-standup-store.ts';
import type { StandupSettings } from '../../handlers/standup/types.ts';
import { DELIVERY_DIGEST_JOB } from '../../jobs/delivery-digest.ts';
import { FakeSlack, type SlackCall } from '../fakes/slack-api.ts';
import { createWeeklyMetricsReader, weekFigures } from '../support/digest-metrics-reader.ts';
import { runJobOn } from '../support/run-job.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { postToSlack, slashCommandBody } from '../support/slack-signing.ts';
import { assertWithinSlackLimits } from '../support/validate-cards.ts';

const SIGNING_SECRET = 'e2e-delivery-digest-signing-secret-01';
const DIGEST_CHANNEL = 'C0DELIVERY';
const REPORT_CHANNEL = 'C0STANDUP';
const PAYMENTS_CHANNEL = 'C0PAYMENTS';
const OTHER_TENANT = 'T0OTHERWS';
const OTHER_CHANNEL = 'C0OTHERWS';
// The team's owner works in London: Monday 09:00 is London's (UTC in winter).
const ANA = 'U0ANA';

describe('the weekly delivery digest in Slack, through the scheduler with the clock moved', function () {
  this.timeout(120_000);
  let slack: FakeSlack;
  let server: TestServer;
  let clock = new Date('2027-01-27T12:00:00Z');
  let platformId = '';

  before(async () => {
    slack = new FakeSlack();
    await slack.http.start();
    server = await startTestServer(
      import.meta.url,
      {
        SLACK_BOT_TOKEN: 'xoxb-e2e-delivery-digest',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
      },
      {
        now: () => clock,
        scheduler: { processEvery: 100 },
        // Weeks by their Monday: 2027-01-25 against the week before is news; 2027-02-08 against 02-01 is not.
        metricsReader: createWeeklyMetricsReader(slack.team.id, 'Platform', {
          '2027-01-18': weekFigures(4, 30),
          '2027-01-25': weekFigures(12, 10),
          '2027-02-01': weekFigures(12, 11),
          '2027-02-08': weekFigures(13, 11),
        }),
      },
    );
    await slash('tz Europe/London', 'tz');
    const store = createStandupStore(server.models.Standup, server.models.StandupAnswer);
    const settings = (name: string, reportChannel: string): StandupSettings => ({
      name,
      surface: 'slack',
      reportChannel,
      owner: { tool: 'slack', handle: ANA },
      members: [{ tool: 'slack', handle: ANA }],
      memberSource: { kind: 'people' },
      questions: [{ id: 'q1', text: 'Anything blocking you?', kind: 'text' }],
      days: [],
      promptTime: '09:30',
      deadlineTime: '11:00',
      reminderMinutes: null,
    });
    platformId = (await store.create(slack.team.id, settings('Platform', REPORT_CHANNEL), clock)).id;
    await store.create(slack.team.id, settings('Payments', PAYMENTS_CHANNEL), clock);
    // Another workspace with a team of the same name, opted in: its digest reads its own (empty) figures.
    const other = await store.create(OTHER_TENANT, settings('Platform', OTHER_CHANNEL), clock);
    await server.models.DeliveryDigestSettings.create({
      _id: `${OTHER_TENANT}|${other.id}`,
      tenantId: OTHER_TENANT,
      standupId: other.id,
      enabled: true,
      surface: 'slack',
      channel: OTHER_CHANNEL,
      weekday: 1,
      time: '09:00',
      updatedBy: 'slack:U0OTHER',
      updatedAt: clock,
    });
  });
  after(async () => {
    await server.close();
    await slack.http.stop();
  });

  async function slash(text: string, id: string): Promise<Record<string, unknown>> {
    const body = slashCommandBody({
      text,
      responseUrl: slack.responseUrl(id),
      teamId: slack.team.id,
      userId: ANA,
    });
    assert.equal((await postToSlack(server.url, body, SIGNING_SECRET)).status, 200);
    return slack.waitForResponse(id);
  }

  async function tick(now: string): Promise<void> {
    clock = new Date(now);
    await runJobOn(server, DELIVERY_DIGEST_JOB);
  }

  const digests = (channel = DIGEST_CHANNEL) =>
    slack.calls('chat.postMessage').filter((call) => call.args.channel === channel);
  const messageOf = (call: SlackCall): SlackMessage => {
    const { text, blocks } = call.args;
    return {
      text: String(text),
      blocks: (typeof blocks === 'string' ? JSON.parse(blocks) : blocks) as SlackMessage['blocks'],
    };
  };

  it('opts in with /em digest delivery on #channel, Mondays at 09:00 by default, and waits for Monday', async () => {
    const answer = JSON.stringify(
      await slash(`digest delivery on <#${DIGEST_CHANNEL}|delivery> Platform`, 'on'),
    );
    assert.match(answer, /Saved\. Delivery digest for Platform/);
    assert.match(answer, /Mondays at 09:00/);
    await tick('2027-01-27T12:05:00Z');
    assert.equal(digests().length, 0, 'opted in on a Wednesday: the first digest is next Monday');
  });

  it("posts one message at the team's Monday 09:00: what changed and why, and not again that week", async () => {
    await tick('2027-02-01T08:59:00Z');
    assert.equal(digests().length, 0, 'not before 09:00 in London');
    await tick('2027-02-01T09:00:00Z');
    assert.equal(digests().length, 1);
    const message = messageOf(digests()[0]!);
    assertWithinSlackLimits(message, 'delivery digest');
    const text = JSON.stringify(message);
    assert.match(text, /Delivery this week · Platform/);
    assert.match(text, /Week of 2027-01-25 to 2027-01-31 against the week before\. 2 changes worth a look/);
    assert.match(text, /Lead time for changes \(median\): 10\.0 h, down from 30\.0 h\./);
    assert.match(text, /Deployments: 12, up from 4\./);
    assert.match(text, /smaller changes, each easier to check/);
    assert.match(text, /Only 30% of merged PRs are linked to a deployment/);
    assert.doesNotMatch(text, /U0ANA|ana/i, "nobody's name or numbers");
    await tick('2027-02-01T09:15:00Z');
    await tick('2027-02-01T16:00:00Z');
    assert.equal(digests().length, 1, 'once per ISO week');
    const record = await server.models.DeliveryDigest.findOne({
      tenantId: slack.team.id,
      _id: `${slack.team.id}|${platformId}|2027-W05`,
    }).lean();
    assert.equal(record?.state, 'posted');
    assert.equal(record?.ref?.channel, DIGEST_CHANNEL);
  });

  it('posts nothing for teams that have not opted in, and reads each workspace its own figures', () => {
    assert.equal(digests(REPORT_CHANNEL).length + digests(PAYMENTS_CHANNEL).length, 0);
    assert.equal(digests(OTHER_CHANNEL).length, 1, 'the other workspace opted in');
    const other = JSON.stringify(messageOf(digests(OTHER_CHANNEL)[0]!));
    assert.match(other, /Nothing notable changed: 0 deployments and 0 finished items/);
    assert.doesNotMatch(other, /Deployments: 12/, "not the first workspace's figures");
  });

  it('does not post again a week whose claim a crash left behind', async () => {
    await server.models.DeliveryDigest.create({
      _id: `${slack.team.id}|${platformId}|2027-W06`,
      tenantId: slack.team.id,
      standupId: platformId,
      week: '2027-W06',
      state: 'claimed',
      claimedAt: new Date('2027-02-08T09:00:00Z'),
      updatedAt: new Date('2027-02-08T09:00:00Z'),
    });
    await tick('2027-02-08T09:05:00Z');
    await tick('2027-02-08T09:20:00Z');
    assert.equal(digests().length, 1);
  });

  it('says briefly when nothing notable changed, and stops once turned off', async () => {
    await tick('2027-02-15T09:00:00Z');
    assert.equal(digests().length, 2);
    const quiet = messageOf(digests()[1]!);
    assertWithinSlackLimits(quiet, 'quiet digest');
    assert.match(JSON.stringify(quiet), /Nothing notable changed: 13 deployments/);
    assert.equal(quiet.blocks.length, 3, 'title, one line, the coverage caution');
    const answer = JSON.stringify(await slash('digest delivery off platform', 'off'));
    assert.match(answer, /Saved\. Delivery digest for Platform[^]*Off/);
    await tick('2027-02-22T09:00:00Z');
    assert.equal(digests().length, 2);
  });
});
