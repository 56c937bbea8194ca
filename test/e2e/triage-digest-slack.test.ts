import assert from 'node:assert/strict';
import { createStandupStore } from '../../data/standup/mongo-standup-store.ts';
import type { StandupSettings } from '../../handlers/standup/types.ts';
import type { SignalKind, TriageItem, TriageQueue } from '../../handlers/triage/types.ts';
import { TRIAGE_DIGEST_JOB } from '../../jobs/triage-digest.ts';
import { FakeSlack, type SlackCall } from '../fakes/slack-api.ts';
import { runJobOn } from '../support/run-job.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { postToSlack, slashCommandBody } from '../support/slack-signing.ts';

const SIGNING_SECRET = 'e2e-triage-digest-signing-secret-0123';
const CHANNEL = 'C0TRIAGE';
const QUIET_CHANNEL = 'C0OPTEDOUT';
// The team's owner works in London: the digest's 10:00 is London's (UTC in winter).
const ANA = 'U0ANA';

function item(number: number, kind: SignalKind, ageHours: number): TriageItem {
  const at = new Date('2027-01-25T09:00:00Z');
  return {
    pull: {
      repo: 'acme/api',
      number,
      title: `Change ${number}`,
      url: `https://github.com/acme/api/pull/${number}`,
      author: 'ana-gh',
      authorIsBot: false,
      draft: false,
      labels: [],
      requestedReviewers: ['ravi-gh'],
      reviews: [],
      additions: 10,
      deletions: 2,
      changedFiles: 1,
      files: [],
      openedAt: at,
      lastActivityAt: at,
    },
    signals: [{ kind, waitingOn: ['ravi-gh'], since: at, ageHours }],
    urgency: ageHours,
    suggestion: { first: { login: 'tui-gh', score: 1, reasons: { openReviews: 1 } }, alternatives: [] },
  };
}

describe('the team triage digest in Slack, through the scheduler with the clock moved', function () {
  this.timeout(120_000);
  let slack: FakeSlack;
  let server: TestServer;
  let clock = new Date('2027-01-29T09:00:00Z');
  let queue: TriageItem[] = [];
  const asked: string[] = [];

  before(async () => {
    slack = new FakeSlack();
    await slack.http.start();
    server = await startTestServer(
      import.meta.url,
      {
        SLACK_BOT_TOKEN: 'xoxb-e2e-triage-digest',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
      },
      {
        now: () => clock,
        scheduler: { processEvery: 100 },
        async triageQueue(_tenantId, scope): Promise<TriageQueue> {
          asked.push(scope.kind === 'team' ? scope.team : scope.kind);
          return { items: queue, botLane: [], draftsLeftOut: 0 };
        },
      },
    );
    const body = slashCommandBody({
      text: 'tz Europe/London',
      responseUrl: slack.responseUrl('tz'),
      teamId: slack.team.id,
      userId: ANA,
    });
    assert.equal((await postToSlack(server.url, body, SIGNING_SECRET)).status, 200);
    await slack.waitForResponse('tz');
    const store = createStandupStore(server.models.Standup, server.models.StandupAnswer);
    const settings = (name: string, reportChannel: string): StandupSettings => ({
      name,
      surface: 'slack',
      reportChannel,
      owner: { tool: 'slack', handle: ANA },
      members: [{ tool: 'slack', handle: ANA }],
      memberSource: { kind: 'people' },
      questions: [{ id: 'q1', text: 'Anything blocking you?', kind: 'text', blockers: true }],
      // No standup days: only the digest posts in these channels here.
      days: [],
      promptTime: '09:30',
      deadlineTime: '11:00',
      reminderMinutes: null,
    });
    await store.create(slack.team.id, settings('Platform', CHANNEL), clock);
    const quiet = await store.create(slack.team.id, settings('Payments', QUIET_CHANNEL), clock);
    await server.models.TriageDigestSettings.create({
      _id: `${slack.team.id}|${quiet.id}`,
      tenantId: slack.team.id,
      standupId: quiet.id,
      enabled: false,
      updatedAt: clock,
    });
  });
  after(async () => {
    await server.close();
    await slack.http.stop();
  });

  async function tick(now: string, items: TriageItem[]): Promise<void> {
    clock = new Date(now);
    queue = items;
    await runJobOn(server, TRIAGE_DIGEST_JOB);
  }

  const digests = () => slack.calls('chat.postMessage').filter((call) => call.args.channel === CHANNEL);
  const edits = () => slack.calls('chat.update').filter((call) => call.args.channel === CHANNEL);
  const textOf = (call: SlackCall) => `${String(call.args.text)} ${String(call.args.blocks ?? '')}`;

  it('stays quiet all day when nothing is actionable at 10:00', async () => {
    await tick('2027-01-29T09:55:00Z', [item(1, 'waiting-for-review', 12)]);
    assert.equal(digests().length, 0, 'not before 10:00');
    await tick('2027-01-29T10:00:00Z', []);
    await tick('2027-01-29T14:00:00Z', [item(1, 'waiting-for-review', 12)]);
    assert.equal(digests().length, 0, 'the day was decided at 10:00: quiet');
  });

  it('posts nothing on the weekend', async () => {
    await tick('2027-01-30T10:00:00Z', [item(1, 'waiting-for-review', 12)]);
    await tick('2027-01-31T10:30:00Z', [item(1, 'waiting-for-review', 12)]);
    assert.equal(digests().length, 0);
  });

  it('posts one message on Monday at 10:00 with what is actionable, and not again', async () => {
    const morning = [item(1, 'waiting-for-review', 14), item(2, 'failing-ci', 3)];
    await tick('2027-02-01T10:00:00Z', morning);
    assert.equal(digests().length, 1);
    const text = textOf(digests()[0]!);
    assert.match(text, /PR triage · Platform · 2027-02-01/);
    assert.match(text, /acme\/api#1/);
    assert.match(text, /Waiting for a first review · 14 working hours · waiting on ravi-gh/);
    assert.match(text, /suggested reviewer: tui-gh/);
    assert.match(text, /CI failing/);
    assert.ok(asked.includes('Platform'), "the queue is the team's");
    await tick('2027-02-01T10:05:00Z', morning);
    assert.equal(digests().length, 1);
    assert.equal(edits().length, 0, 'nothing changed, nothing edited');
    assert.equal(
      slack.calls('chat.postMessage').filter((call) => call.args.channel === QUIET_CHANNEL).length,
      0,
      'a team that opted out gets no digest',
    );
  });

  it('edits the same message as items are resolved, and says so when all are', async () => {
    const ts = slack.posts().find((post) => post.channel === CHANNEL)!.ts;
    await tick('2027-02-01T11:00:00Z', [item(2, 'failing-ci', 4)]);
    assert.equal(edits().length, 1);
    assert.equal(edits()[0]!.args.ts, ts);
    assert.match(textOf(edits()[0]!), /1 PR needs someone, 1 resolved since this morning/);
    assert.match(textOf(edits()[0]!), /Resolved: ~<https:\/\/github.com\/acme\/api\/pull\/1\|acme\/api#1>~/);

    await tick('2027-02-01T11:05:00Z', [item(2, 'failing-ci', 4), item(3, 'merge-conflict', 1)]);
    assert.equal(edits().length, 1, "a PR that turned actionable later waits for tomorrow's digest");

    await tick('2027-02-01T12:00:00Z', [item(3, 'merge-conflict', 2)]);
    assert.equal(edits().length, 2);
    assert.equal(edits()[1]!.args.ts, ts);
    assert.match(textOf(edits()[1]!), /All 2 PRs from this morning are resolved/);
    assert.equal(digests().length, 1, 'edited, never posted again or deleted');
    assert.equal(slack.calls('chat.delete').length, 0);
  });

  it("posts Tuesday's digest as a new message", async () => {
    await tick('2027-02-02T10:00:00Z', [item(3, 'merge-conflict', 9)]);
    assert.equal(digests().length, 2);
    assert.match(textOf(digests()[1]!), /2027-02-02/);
    const records = await server.models.TriageDigest.find({ tenantId: slack.team.id }).lean();
    assert.deepEqual(records.map((record) => `${record.date}:${record.state}`).sort(), [
      '2027-01-29:quiet',
      '2027-02-01:posted',
      '2027-02-02:posted',
    ]);
  });
});
