import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { STANDUP_PROMPT_ACTIONS } from '../../cards/slack/standup-prompt.ts';
import type { Block, Button } from '../../cards/slack/types.ts';
import { createStandupStore } from '../../data/standup/mongo-standup-store.ts';
import type { Standup } from '../../handlers/standup/types.ts';
import { FakeSlack, type SlackCall } from '../fakes/slack-api.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import {
  appHomeOpened,
  buttonClick,
  postEvent,
  postInteraction,
  slackUser,
  viewSubmission,
} from '../support/slack-interactivity.ts';
import { postToSlack, slashCommandBody } from '../support/slack-signing.ts';
import { assertViewWithinSlackLimits } from '../support/validate-cards.ts';
import { sendGithub } from '../support/webhook-delivery.ts';

const SIGNING_SECRET = 'home-signing-secret-0123456789abcdef';
const GITHUB_SECRET = 'home-github-secret';
const API_TOKEN = 'home-api-token-0123456789abcdef';
/** Short, so the test sees the trailing refresh; the real default is a minute. */
const INTERVAL_MS = 3_000;
/** A Tuesday: a standup day for members on the default Monday-to-Friday UTC calendar. */
const NOW = new Date('2027-01-26T10:00:00Z');
const AN_HOUR_AGO = new Date('2027-01-26T09:00:00Z');
/** The Friday before: 16 working hours of a Monday-to-Friday 9-to-5 reviewer, the weekend not counted. */
const LAST_FRIDAY = new Date('2027-01-22T10:00:00Z');

const ALICE = slackUser('U0ALICE');
const BOB = slackUser('U0BOB');

const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as {
  name: string;
  examples: Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
}[];

/** GitHub's own "pull request opened" example: a PR by `author`, opened then, requesting review from `reviewers`. */
function openedPullRequest(number: number, author: string, reviewers: string[], openedAt: Date) {
  const payload = structuredClone(
    examples.find((group) => group.name === 'pull_request')!.examples.find((e) => e.action === 'opened')!,
  );
  const at = openedAt.toISOString();
  const user = (login: string) => ({ ...payload.pull_request.user, login, id: login.length * 1000 });
  Object.assign(payload.pull_request, {
    number,
    title: `Change ${number}`,
    html_url: `https://github.com/acme/payments/pull/${number}`,
    draft: false,
    created_at: at,
    updated_at: at,
    user: user(author),
    requested_reviewers: reviewers.map(user),
  });
  payload.repository.full_name = 'acme/payments';
  return payload;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Slack: App Home end to end', function () {
  this.timeout(60_000);
  let slack: FakeSlack;
  let server: TestServer;
  let tenantId: string;
  let standup: Standup;
  let sequence = 0;

  before(async () => {
    slack = new FakeSlack();
    await slack.http.start();
    tenantId = slack.team.id;
    server = await startTestServer(
      import.meta.url,
      {
        SLACK_BOT_TOKEN: 'xoxb-home-test',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        GITHUB_WEBHOOK_SECRET: GITHUB_SECRET,
        API_TOKEN,
      },
      { now: () => NOW, homeRefreshMs: INTERVAL_MS },
    );
    await em('link github alice', ALICE.id);
    await em('link github bob', BOB.id);
    standup = await createStandupStore(server.models.Standup, server.models.StandupAnswer).create(
      tenantId,
      {
        name: 'Platform daily',
        surface: 'slack',
        reportChannel: 'C0PLATFORM',
        owner: { tool: 'slack', handle: ALICE.id },
        members: [ALICE, BOB].map((user) => ({ tool: 'slack' as const, handle: user.id })),
        memberSource: { kind: 'people' },
        questions: [
          { id: 'q1', text: 'What did you do?', kind: 'text' },
          { id: 'q2', text: 'Anything blocking you?', kind: 'text', blockers: true },
        ],
        days: [1, 2, 3, 4, 5],
        promptTime: '09:30',
        deadlineTime: '11:00',
        reminderMinutes: null,
      },
      NOW,
    );
    await pullRequest(601, 'alice', ['bob']);
    await pullRequest(602, 'carol', ['alice'], LAST_FRIDAY);
    await server.normalizer.idle();
  });
  after(async () => {
    await server.close();
    await slack.http.stop();
  });

  // ---- helpers ------------------------------------------------------------------------------------------

  async function em(text: string, userId: string) {
    const id = `em-${(sequence += 1)}`;
    const body = slashCommandBody({ text, responseUrl: slack.responseUrl(id), teamId: tenantId, userId });
    assert.equal((await postToSlack(server.url, body, SIGNING_SECRET)).status, 200);
    return slack.waitForResponse(id);
  }

  /** Opened an hour before the server's clock unless said: under triage's thresholds. */
  async function pullRequest(number: number, author: string, reviewers: string[], openedAt = AN_HOUR_AGO) {
    const sent = await sendGithub(
      server.url,
      GITHUB_SECRET,
      'pull_request',
      openedPullRequest(number, author, reviewers, openedAt),
    );
    assert.equal(sent.status, 202);
  }

  const viewOf = (call: SlackCall): { type: string; blocks: Block[] } =>
    typeof call.args.view === 'string' ? JSON.parse(call.args.view) : (call.args.view as never);
  const publishesTo = (user: { id: string }) =>
    slack.calls('views.publish').filter((call) => call.args.user_id === user.id);
  const buttonsIn = (blocks: Block[]): Button[] =>
    blocks.flatMap((block) => (block.type === 'actions' ? block.elements : []));

  async function nextPublishTo(user: { id: string }, after: number, timeoutMs = 5_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const call = publishesTo(user)[after];
      if (call) return viewOf(call);
      assert.ok(Date.now() < deadline, `no views.publish for ${user.id} after ${after}`);
      await sleep(20);
    }
  }

  async function openHome(user: { id: string }) {
    const before = publishesTo(user).length;
    const response = await postEvent(server.url, SIGNING_SECRET, appHomeOpened(tenantId, user.id));
    assert.equal(response.status, 200);
    return nextPublishTo(user, before);
  }

  // ---- tests --------------------------------------------------------------------------------------------

  it('publishes Alice her home on open: both PR lists, her standup with Answer, approvals, blockers', async () => {
    const home = await openHome(ALICE);
    assert.equal(home.type, 'home');
    assertViewWithinSlackLimits(home as never, 'alice home');
    const text = JSON.stringify(home.blocks);
    const others = text.slice(text.indexOf('Your PRs waiting on others'), text.indexOf('Waiting on you'));
    assert.match(others, /acme\/payments#601 Change 601/);
    assert.match(others, /waiting on @bob \(review requested\)/);
    const mine = text.slice(text.indexOf('Waiting on you'), text.indexOf('"Standup"'));
    assert.match(mine, /acme\/payments#602 Change 602/);
    // Triage judged it: over the first-review threshold, aged in Alice's working hours.
    assert.match(mine, /by @carol \(waiting for a first review, 16 working h\)/);
    assert.doesNotMatch(mine, /#601/);
    assert.match(text, /Platform daily\*: not answered yet/);
    const answer = buttonsIn(home.blocks).find((b) => b.action_id === STANDUP_PROMPT_ACTIONS.answer);
    assert.deepEqual(JSON.parse(answer?.value ?? '{}'), { standupId: standup.id, date: '2027-01-26' });
    assert.match(text, /Nothing is waiting for your decision/);
    assert.match(text, /Nobody in your standups is blocked/);
  });

  it("lets Bob answer from his home's button; his home shows it at once, Alice's gets his blocker", async () => {
    const bobsHome = await openHome(BOB);
    assert.match(JSON.stringify(bobsHome.blocks), /acme\/payments#601[^"]*\\n {4}by @alice/);
    const button = buttonsIn(bobsHome.blocks).find((b) => b.action_id === STANDUP_PROMPT_ACTIONS.answer)!;
    const opened = slack.calls('views.open').length;
    const click = buttonClick({
      teamId: tenantId,
      user: BOB,
      actionId: button.action_id,
      value: button.value!,
      in: { home: true },
    });
    assert.equal((await postInteraction(server.url, SIGNING_SECRET, click)).status, 200);
    const deadline = Date.now() + 5_000;
    while (slack.calls('views.open').length <= opened) {
      assert.ok(Date.now() < deadline, 'the answer modal opened');
      await sleep(20);
    }
    const modal = viewOf(slack.calls('views.open').at(-1)!) as unknown as Record<string, unknown>;
    const alicesBefore = publishesTo(ALICE).length;
    const bobsBefore = publishesTo(BOB).length;
    const submitted = Date.now();
    const submission = viewSubmission({
      teamId: tenantId,
      user: BOB,
      view: modal,
      values: {
        answer_q1: { value: 'Reviewed the cache' },
        answer_q2: { value: 'Waiting on the staging keys from Alice' },
      },
    });
    assert.equal((await postInteraction(server.url, SIGNING_SECRET, submission)).status, 200);
    const bobsAfter = await nextPublishTo(BOB, bobsBefore);
    assert.match(JSON.stringify(bobsAfter.blocks), /Platform daily\*: answered today/);
    assert.ok(buttonsIn(bobsAfter.blocks).some((b) => b.text.text === 'Edit answer'));
    // Alice opened her home less than an interval ago: hers follows as the trailing refresh.
    const alicesAfter = await nextPublishTo(ALICE, alicesBefore, INTERVAL_MS + 5_000);
    assert.match(JSON.stringify(alicesAfter.blocks), /Waiting on the staging keys from Alice/);
    assert.match(JSON.stringify(alicesAfter.blocks), /Open blockers in your standups\* \(1\)/);
    assert.ok(Date.now() - submitted < INTERVAL_MS + 3_000);
  });

  it('turns a burst of PR events into at most one publish per person per interval, showing the last', async () => {
    await openHome(ALICE);
    await openHome(BOB);
    await sleep(50);
    const alicesBefore = publishesTo(ALICE).length;
    const bobsBefore = publishesTo(BOB).length;
    const start = Date.now();
    for (const number of [610, 611, 612, 613, 614, 615]) await pullRequest(number, 'carol', ['alice']);
    await server.normalizer.idle();
    const burst = Date.now() - start;
    assert.ok(burst < INTERVAL_MS, `the burst took ${burst} ms`);
    const trailing = await nextPublishTo(ALICE, alicesBefore, INTERVAL_MS + 5_000);
    const text = JSON.stringify(trailing.blocks);
    for (const number of [610, 611, 612, 613, 614, 615]) assert.match(text, new RegExp(`#${number} `));
    // Long enough for a second publish to show up if the throttle let one through.
    await sleep(INTERVAL_MS + 500);
    assert.equal(publishesTo(ALICE).length - alicesBefore, 1, 'one publish for the whole burst');
    assert.equal(publishesTo(BOB).length - bobsBefore, 0, 'Bob is on none of these PRs');
  });

  it('refreshes the opened homes when an approval is proposed, and /em home shows the same', async () => {
    await sleep(INTERVAL_MS);
    const before = publishesTo(ALICE).length;
    const response = await fetch(`${server.url}/v1/actions/propose`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        action_type: 'deploy.tag',
        target_ref: 'test:home',
        proposed_payload: { tag: 'home-1' },
        requester: `slack:${BOB.id}`,
      }),
    });
    assert.equal(response.status, 201, await response.text());
    const home = await nextPublishTo(ALICE, before);
    assert.match(JSON.stringify(home.blocks), /deploy\.tag/);
    const reply = await em('home', ALICE.id);
    assert.equal(reply.response_type, 'ephemeral');
    const blocks = JSON.stringify(reply.blocks);
    assert.match(blocks, /Your PRs waiting on others/);
    assert.match(blocks, /deploy\.tag/);
  });
});
