import assert from 'node:assert/strict';
import { TRIAGE_NOTIFY_JOB } from '../../jobs/triage-notify.ts';
import { FakeSlack, type SlackCall } from '../fakes/slack-api.ts';
import { failedWorkflowRunEvent, pullRequestEvent, reviewEvent } from '../support/github-pr-events.ts';
import { runJobOn } from '../support/run-job.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { postToSlack, slashCommandBody } from '../support/slack-signing.ts';
import { sendGithub } from '../support/webhook-delivery.ts';

const SIGNING_SECRET = 'e2e-triage-notify-signing-secret-0123';
const GITHUB_SECRET = 'e2e-triage-notify-github-secret';
// Ana and Ravi work in London, 09:00 to 17:00 on weekdays (UTC in January).
const ANA = 'U0ANA';
const RAVI = 'U0RAVI';

describe('personal PR notifications in Slack, from GitHub webhooks, with the clock moved', function () {
  this.timeout(120_000);
  let slack: FakeSlack;
  let server: TestServer;
  let clock = new Date('2027-01-23T12:00:00Z');
  let sequence = 0;

  before(async () => {
    slack = new FakeSlack();
    await slack.http.start();
    server = await startTestServer(
      import.meta.url,
      {
        SLACK_BOT_TOKEN: 'xoxb-e2e-triage-notify',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        GITHUB_WEBHOOK_SECRET: GITHUB_SECRET,
      },
      { now: () => clock, scheduler: { processEvery: 100 } },
    );
    for (const [user, typed] of [
      [ANA, 'tz Europe/London'],
      [ANA, 'link github ana-gh'],
      [ANA, 'notify on'],
      [RAVI, 'tz Europe/London'],
      [RAVI, 'link github ravi-gh'],
      [RAVI, 'notify on'],
      [RAVI, 'notify settings budget 2'],
    ] as const) {
      await em(typed, user);
    }
  });
  after(async () => {
    await server.close();
    await slack.http.stop();
  });

  async function em(text: string, userId: string): Promise<Record<string, unknown>> {
    const id = `em-${(sequence += 1)}`;
    const body = slashCommandBody({
      text,
      responseUrl: slack.responseUrl(id),
      teamId: slack.team.id,
      userId,
    });
    assert.equal((await postToSlack(server.url, body, SIGNING_SECRET)).status, 200);
    return slack.waitForResponse(id);
  }

  /** A webhook as GitHub sends it, then the normalizer finished with it. */
  async function github(event: string, payload: unknown, now: string): Promise<void> {
    clock = new Date(now);
    const sent = await sendGithub(server.url, GITHUB_SECRET, event, payload);
    assert.equal(sent.status, 202, JSON.stringify(sent.body));
    await server.normalizer.idle();
    await server.normalizer.drainAll();
  }

  async function tick(now: string): Promise<void> {
    clock = new Date(now);
    await runJobOn(server, TRIAGE_NOTIFY_JOB);
  }

  const dmsTo = (user: string) =>
    slack.calls('chat.postMessage').filter((call) => call.args.channel === user);
  const updates = () => slack.calls('chat.update');
  const textOf = (call: SlackCall) => `${String(call.args.text)} ${String(call.args.blocks ?? '')}`;

  it('says what notify settings are, and refuses a budget that is not a number', async () => {
    const shown = JSON.stringify(await em('notify settings', RAVI));
    assert.match(shown, /PR notifications are on/);
    assert.match(shown, /at most 2 a day/);
    assert.match(shown, /ravi-gh/);
    assert.match(JSON.stringify(await em('notify settings budget lots', RAVI)), /whole number from 1 to 50/);
  });

  it('holds a review request made on Saturday, sent twice, for Monday 09:00, and sends it once', async () => {
    const opened = pullRequestEvent('opened', {
      number: 1,
      author: 'ana-gh',
      title: 'Retry the billing export',
      reviewers: ['ravi-gh'],
      updatedAt: '2027-01-23T11:59:00Z',
    });
    await github('pull_request', opened, '2027-01-23T12:00:00Z');
    await github('pull_request', opened, '2027-01-23T12:01:00Z');
    await tick('2027-01-23T12:05:00Z');
    await tick('2027-01-25T08:59:00Z');
    assert.equal(dmsTo(RAVI).length, 0, 'nothing on the weekend or before his working hours');
    await tick('2027-01-25T09:00:00Z');
    assert.equal(dmsTo(RAVI).length, 1);
    assert.match(textOf(dmsTo(RAVI)[0]!), /acme\/api#1/);
    assert.match(textOf(dmsTo(RAVI)[0]!), /Your review was requested/);
    const events = await server.models.TriageNoticeEvent.find({
      tenantId: slack.team.id,
      noticeId: `${slack.team.id}|ravi-gh|acme/api#1`,
    }).lean();
    assert.deepEqual(
      events.map((event) => event.kind),
      ['review-requested'],
      'the webhook delivered twice is one event',
    );
    const blocks = JSON.parse(String(dmsTo(RAVI)[0]!.args.blocks)) as { elements?: { text: string }[] }[];
    assert.equal(blocks[1]!.elements![0]!.text.split('\n').length, 1, 'the message lists it once');
    await tick('2027-01-25T09:01:00Z');
    assert.equal(dmsTo(RAVI).length, 1, 'a second run sends nothing');
    assert.equal(dmsTo(ANA).length, 0, 'the author hears nothing of her own request');
  });

  it('keeps one message per PR for its author, edited in place on approval, CI failure and merge', async () => {
    const pull = { number: 1, author: 'ana-gh', updatedAt: '2027-01-25T10:00:00Z' };
    await github(
      'pull_request_review',
      reviewEvent(pull, { id: 501, by: 'ravi-gh', state: 'approved', at: '2027-01-25T10:00:00Z' }),
      '2027-01-25T10:00:00Z',
    );
    await tick('2027-01-25T10:01:00Z');
    assert.equal(dmsTo(ANA).length, 1);
    assert.match(textOf(dmsTo(ANA)[0]!), /ravi-gh approved/);
    const ts = slack.posts().find((post) => post.channel === 'D0ANA')!.ts;

    const failed = failedWorkflowRunEvent({
      id: 77,
      sha: 'sha1',
      at: '2027-01-25T10:30:00Z',
      actor: 'ana-gh',
    });
    await github('workflow_run', failed, '2027-01-25T10:30:00Z');
    await github('workflow_run', failed, '2027-01-25T10:31:00Z');
    await tick('2027-01-25T10:32:00Z');
    assert.equal(dmsTo(ANA).length, 1, 'no second message');
    assert.equal(updates().length, 1);
    assert.equal(updates()[0]!.args.ts, ts, 'the same message, edited');
    assert.match(textOf(updates()[0]!), /CI failed: build/);
    assert.match(textOf(updates()[0]!), /ravi-gh approved/, 'the earlier event stays listed');
    await tick('2027-01-25T10:33:00Z');
    assert.equal(updates().length, 1, 'the repeated webhook added nothing');

    await github(
      'pull_request',
      pullRequestEvent('closed', { ...pull, merged: true, updatedAt: '2027-01-25T11:00:00Z' }),
      '2027-01-25T11:00:00Z',
    );
    await tick('2027-01-25T11:01:00Z');
    assert.equal(dmsTo(ANA).length, 1);
    assert.equal(updates().length, 2);
    assert.equal(updates()[1]!.args.ts, ts);
    assert.match(textOf(updates()[1]!), /Merged/);
  });

  it("keeps to Ravi's daily budget of 2 and sends the rest on his next working day; never a bot's PR", async () => {
    for (const number of [2, 3, 4]) {
      await github(
        'pull_request',
        pullRequestEvent('opened', {
          number,
          author: 'ana-gh',
          reviewers: ['ravi-gh'],
          updatedAt: `2027-01-25T11:3${number}:00Z`,
        }),
        `2027-01-25T11:3${number}:00Z`,
      );
    }
    await github(
      'pull_request',
      pullRequestEvent('opened', {
        number: 5,
        author: 'dependabot[bot]',
        reviewers: ['ravi-gh'],
        updatedAt: '2027-01-25T11:40:00Z',
      }),
      '2027-01-25T11:40:00Z',
    );
    await tick('2027-01-25T11:45:00Z');
    assert.equal(dmsTo(RAVI).length, 2, 'one more today: the budget is 2');
    assert.match(textOf(dmsTo(RAVI)[1]!), /acme\/api#2/);
    await tick('2027-01-25T16:59:00Z');
    assert.equal(dmsTo(RAVI).length, 2, 'the budget holds all day');
    await tick('2027-01-26T08:30:00Z');
    assert.equal(dmsTo(RAVI).length, 2, 'not before his hours');
    await tick('2027-01-26T09:00:00Z');
    assert.equal(dmsTo(RAVI).length, 4);
    assert.deepEqual(
      dmsTo(RAVI).map((call) => /acme\/api#(\d)/.exec(textOf(call))?.[1]),
      ['1', '2', '3', '4'],
      "nothing about the bot's PR",
    );
    const botEvents = await server.models.TriageNoticeEvent.countDocuments({
      tenantId: slack.team.id,
      noticeId: `${slack.team.id}|ravi-gh|acme/api#5`,
    });
    assert.equal(botEvents, 0);
  });

  it('sends nothing once a person turns notifications off', async () => {
    await em('notify off', ANA);
    await github(
      'pull_request_review',
      reviewEvent(
        { number: 2, author: 'ana-gh', updatedAt: '2027-01-26T10:00:00Z' },
        { id: 502, by: 'ravi-gh', state: 'changes_requested', at: '2027-01-26T10:00:00Z' },
      ),
      '2027-01-26T10:00:00Z',
    );
    await tick('2027-01-26T10:01:00Z');
    assert.equal(dmsTo(ANA).length, 1);
    assert.equal(updates().length, 2);
  });
});
