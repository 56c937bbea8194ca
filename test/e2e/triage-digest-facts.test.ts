import assert from 'node:assert/strict';
import { createStandupStore } from '../../data/standup/mongo-standup-store.ts';
import { TRIAGE_DIGEST_JOB } from '../../jobs/triage-digest.ts';
import { FakeSlack, type SlackCall } from '../fakes/slack-api.ts';
import { pullRequestEvent } from '../support/github-pr-events.ts';
import { runJobOn } from '../support/run-job.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { postToSlack, slashCommandBody } from '../support/slack-signing.ts';
import { sendGithub } from '../support/webhook-delivery.ts';

const SIGNING_SECRET = 'e2e-triage-digest-facts-signing-0123';
const GITHUB_SECRET = 'e2e-triage-digest-facts-github';
const CHANNEL = 'C0PLATFORM';
const ANA = 'U0ANA';
const RAVI = 'U0RAVI';

describe('the team triage digest from webhooks, through the real triage queue', function () {
  this.timeout(120_000);
  let slack: FakeSlack;
  let server: TestServer;
  let clock = new Date('2027-01-29T09:00:00Z');
  let sequence = 0;

  before(async () => {
    slack = new FakeSlack();
    await slack.http.start();
    server = await startTestServer(
      import.meta.url,
      {
        SLACK_BOT_TOKEN: 'xoxb-e2e-triage-digest-facts',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        GITHUB_WEBHOOK_SECRET: GITHUB_SECRET,
      },
      { now: () => clock, scheduler: { processEvery: 100 } },
    );
    for (const [user, typed] of [
      [ANA, 'tz Europe/London'],
      [ANA, 'link github ana-gh'],
      [RAVI, 'tz Europe/London'],
      [RAVI, 'link github ravi-gh'],
    ] as const) {
      const id = `em-${(sequence += 1)}`;
      const body = slashCommandBody({
        text: typed,
        responseUrl: slack.responseUrl(id),
        teamId: slack.team.id,
        userId: user,
      });
      assert.equal((await postToSlack(server.url, body, SIGNING_SECRET)).status, 200);
      await slack.waitForResponse(id);
    }
    await createStandupStore(server.models.Standup, server.models.StandupAnswer).create(
      slack.team.id,
      {
        name: 'Platform',
        surface: 'slack',
        reportChannel: CHANNEL,
        owner: { tool: 'slack', handle: ANA },
        members: [ANA, RAVI].map((handle) => ({ tool: 'slack' as const, handle })),
        memberSource: { kind: 'people' },
        questions: [{ id: 'q1', text: 'Anything blocking you?', kind: 'text', blockers: true }],
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
    await slack.http.stop();
  });

  async function github(event: string, payload: unknown, now: string): Promise<void> {
    clock = new Date(now);
    assert.equal((await sendGithub(server.url, GITHUB_SECRET, event, payload)).status, 202);
    await server.normalizer.idle();
    await server.normalizer.drainAll();
  }

  async function tick(now: string): Promise<void> {
    clock = new Date(now);
    await runJobOn(server, TRIAGE_DIGEST_JOB);
  }

  const digests = () => slack.calls('chat.postMessage').filter((call) => call.args.channel === CHANNEL);
  const edits = () => slack.calls('chat.update').filter((call) => call.args.channel === CHANNEL);
  const textOf = (call: SlackCall) => `${String(call.args.text)} ${String(call.args.blocks ?? '')}`;

  it("lists the team's PR waiting for review on Monday at 10:00, not the bot's, then says it is resolved once merged", async () => {
    const pull = { number: 1, author: 'ana-gh', reviewers: ['ravi-gh'], updatedAt: '2027-01-29T09:00:00Z' };
    await github('pull_request', pullRequestEvent('opened', pull), '2027-01-29T09:00:00Z');
    await github(
      'pull_request',
      pullRequestEvent('opened', {
        number: 2,
        author: 'dependabot[bot]',
        reviewers: ['ravi-gh'],
        updatedAt: '2027-01-29T09:01:00Z',
      }),
      '2027-01-29T09:01:00Z',
    );
    await tick('2027-02-01T10:00:00Z');
    assert.equal(digests().length, 1);
    const text = textOf(digests()[0]!);
    assert.match(text, /acme\/api#1/);
    assert.match(text, /Waiting for a first review · \d+ working hours · waiting on ravi-gh/);
    assert.doesNotMatch(text, /acme\/api#2/, "the bot's PR is in its own lane, not the digest");

    await github(
      'pull_request',
      pullRequestEvent('closed', { ...pull, merged: true, updatedAt: '2027-02-01T11:00:00Z' }),
      '2027-02-01T11:00:00Z',
    );
    await tick('2027-02-01T11:05:00Z');
    assert.equal(edits().length, 1);
    assert.equal(edits()[0]!.args.ts, slack.posts().find((post) => post.channel === CHANNEL)!.ts);
    assert.match(textOf(edits()[0]!), /All 1 PR from this morning are resolved/);
    assert.equal(digests().length, 1);
  });
});
