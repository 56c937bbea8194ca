import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SlackMessage } from '../../cards/slack/types.ts';
import { createIdentityDirectory } from '../../data/identity/mongo-identity-directory.ts';
import type { PullRequestFields } from '../../data/models/facts/pull-request.ts';
import { createStandupStore } from '../../data/standup/mongo-standup-store.ts';
import { TRIAGE_ACTIONS } from '../../handlers/triage/triage-actions.ts';
import type { TriageItem } from '../../handlers/triage/types.ts';
import { FakeGitHubPulls } from '../fakes/github-pulls-api.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { startTestServer } from '../support/server.ts';
import { buttonClick, postInteraction, slackUser } from '../support/slack-interactivity.ts';
import { postToSlack, slashCommandBody } from '../support/slack-signing.ts';
import { fixedQueue, triageItem, triagePull } from '../support/triage-fixture.ts';
import { assertWithinSlackLimits } from '../support/validate-cards.ts';

const SIGNING_SECRET = 'e2e-triage-signing-secret-0123456789';
/** Thursday 10:00 UTC: li works Mon–Fri 09:00–17:00 UTC (nobody set other hours). */
const NOW = new Date('2026-12-03T10:00:00Z');
const ANA = slackUser('U0ANA');

function queueItems(): TriageItem[] {
  return [
    triageItem(
      triagePull('acme/api', 1, { title: 'Retry <refunds> & webhooks', author: 'dana' }),
      { waitingOn: ['li'], ageHours: 14 },
      {
        urgency: 20,
        suggestion: {
          first: { login: 'li', score: 3, reasons: { owns: 'api/billing/', openReviews: 1 } },
          alternatives: [],
        },
      },
    ),
    triageItem(
      triagePull('acme/api', 2, { author: 'dana' }),
      { kind: 'changes-requested', waitingOn: ['dana'], ageHours: 9 },
      { urgency: 10 },
    ),
  ];
}

/**
 * A Slack workspace with GitHub behind it: /triage, then its buttons, with the PR queue handed in at its port
 * (`queue: 'facts'`: read from the pull-request facts by the loader bot/main.ts wires).
 */
async function startTriageServer(policy?: string, source: 'fixed' | 'facts' = 'fixed') {
  const slack = new FakeSlack();
  slack.members.push({
    id: ANA.id,
    real_name: 'Ana Lima',
    tz: 'UTC',
    profile: { email: 'ana@acme.example' },
  });
  await slack.http.start();
  const github = new FakeGitHubPulls();
  await github.http.start();
  const env: Record<string, string> = {
    SLACK_BOT_TOKEN: 'xoxb-e2e-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    GITHUB_TOKEN: 'ghp_fake',
    GITHUB_API_URL: github.url,
    API_TOKEN: 'triage-e2e-api-token-0123456789abcdef',
  };
  if (policy) {
    const dir = await mkdtemp(join(tmpdir(), 'em-triage-policy-'));
    await writeFile(join(dir, 'policy.yaml'), policy);
    env.POLICY_FILE = join(dir, 'policy.yaml');
  }
  const queue = fixedQueue({
    items: queueItems(),
    botLane: [triagePull('acme/api', 90, { author: 'dependabot[bot]' })],
    draftsLeftOut: 2,
  });
  const server = await startTestServer(import.meta.url, env, {
    ...(source === 'fixed' ? { triageQueue: queue } : {}),
    now: () => NOW,
  });
  const tenantId = slack.team.id;
  await server.models.Repository.create({
    _id: `${tenantId}|acme/api`,
    tenantId,
    repo: 'acme/api',
    provider: 'github',
  });
  const identity = createIdentityDirectory(server.models.Person);
  await identity.link(
    tenantId,
    { tool: 'slack', handle: 'U0LI' },
    { tool: 'github', handle: 'li' },
    'manual',
  );
  let sequence = 0;

  const command = async (typed: string, user = ANA, slash = '/triage') => {
    const id = `triage-${(sequence += 1)}`;
    const body = slashCommandBody({
      text: typed,
      responseUrl: slack.responseUrl(id),
      teamId: tenantId,
      command: slash,
      userId: user.id,
    });
    assert.equal((await postToSlack(server.url, body, SIGNING_SECRET)).status, 200);
    return (await slack.waitForResponse(id)) as unknown as SlackMessage & { response_type: string };
  };
  /** Clicks one of an item's buttons, as shown in a reply; resolves with what replaced the message. */
  const click = async (reply: SlackMessage, pull: string, actionId: string, user = ANA) => {
    const row = reply.blocks.find((block) => block.type === 'actions' && block.block_id === `triage:${pull}`);
    assert.ok(row?.type === 'actions', `no buttons for ${pull}`);
    const button = row.elements.find((element) => element.action_id === actionId);
    assert.ok(button, `no ${actionId} on ${pull}`);
    const id = `click-${(sequence += 1)}`;
    const payload = buttonClick({
      teamId: tenantId,
      user,
      actionId,
      value: button.value ?? '',
      label: button.text.text,
      blockId: row.block_id,
      in: { channel: 'C0CHANNEL', messageTs: '1700000000.000200', ephemeral: true },
      responseUrl: slack.responseUrl(id),
    });
    assert.equal((await postInteraction(server.url, SIGNING_SECRET, payload)).status, 200);
    return (await slack.waitForResponse(id, 10_000)) as unknown as SlackMessage & {
      replace_original?: boolean;
    };
  };
  const close = async () => {
    await server.close();
    await slack.http.stop();
    await github.http.stop();
  };
  return { slack, github, server, queue, tenantId, command, click, close };
}

const textOf = (message: SlackMessage) => JSON.stringify(message.blocks);

describe('Slack: /triage and its buttons end to end (real database, fake Slack and GitHub)', function () {
  this.timeout(60_000);
  let t: Awaited<ReturnType<typeof startTriageServer>>;
  before(async () => {
    t = await startTriageServer();
  });
  after(() => t.close());

  it('answers /triage privately with the ranked queue, within Slack limits', async () => {
    const reply = await t.command('');
    assert.equal(reply.response_type, 'ephemeral');
    assertWithinSlackLimits(reply, '/triage');
    const text = textOf(reply);
    assert.match(text, /PR triage: everyone/);
    assert.match(text, /acme\/api#1>\* Retry &lt;refunds&gt; &amp; webhooks/);
    assert.match(text, /\*Waiting for a first review\* · 14 working hours · waits on @li/);
    assert.match(text, /Suggested reviewer \*@li\*: owns `api\/billing\/`, 1 open review/);
    assert.match(text, /Changes requested, idle\* · 9 working hours · waits on @dana/);
    assert.match(text, /Bot lane: 1 PR by bots in 1 repository, summarised weekly · 2 drafts left out/);
    assert.ok(text.indexOf('acme/api#1') < text.indexOf('acme/api#2'), 'ranked by urgency');
    assert.deepEqual(t.queue.scopes.at(-1), { kind: 'all' });
  });

  it('reads the scope: a repository in any case, through /em too, and a notice for unknown ones', async () => {
    const repo = await t.command('triage ACME/API', ANA, '/em');
    assert.match(textOf(repo), /PR triage: acme\/api/);
    assert.deepEqual(t.queue.scopes.at(-1), { kind: 'repo', repo: 'acme/api' });
    assert.match(textOf(await t.command('acme/nope')), /I don't know the repository acme\/nope/);
    assert.match(textOf(await t.command('Payments')), /I don't know a team called \\"Payments\\"/);
    assert.match(textOf(await t.command('me')), /I do not know your GitHub account yet/);
  });

  it("reads a team as a standup's name, and no scope as the asker's team once they are in one", async () => {
    await createStandupStore(t.server.models.Standup, t.server.models.StandupAnswer).create(
      t.tenantId,
      {
        name: 'Platform daily',
        surface: 'slack',
        reportChannel: 'C0PLATFORM',
        owner: { tool: 'slack', handle: 'U0BOB' },
        members: [{ tool: 'slack', handle: 'U0BOB' }],
        memberSource: { kind: 'people' },
        questions: [{ id: 'q1', text: 'What did you do?', kind: 'text' }],
        days: [1, 2, 3, 4, 5],
        promptTime: '09:30',
        deadlineTime: '11:00',
        reminderMinutes: null,
      },
      NOW,
    );
    assert.match(textOf(await t.command('platform DAILY')), /PR triage: Platform daily/);
    assert.deepEqual(t.queue.scopes.at(-1), { kind: 'team', team: 'Platform daily' });
    assert.match(textOf(await t.command('', slackUser('U0BOB'))), /PR triage: Platform daily/);
    assert.deepEqual(t.queue.scopes.at(-1), { kind: 'team', team: 'Platform daily' });
    assert.match(textOf(await t.command('Payments')), /A team is a standup's name: Platform daily\./);
    assert.match(textOf(await t.command('')), /PR triage: everyone/, 'Ana is in no standup');
  });

  it('requests a review on GitHub exactly once, for a double click and a retried one', async () => {
    const reply = await t.command('acme/api');
    const results = await Promise.all([
      t.click(reply, 'acme/api#1', TRIAGE_ACTIONS.requestReview),
      t.click(reply, 'acme/api#1', TRIAGE_ACTIONS.requestReview),
    ]);
    const retried = await t.click(reply, 'acme/api#1', TRIAGE_ACTIONS.requestReview);
    assert.equal(t.github.reviewRequestCalls('acme/api#1'), 1);
    assert.deepEqual(t.github.requestedReviewers.get('acme/api#1'), ['li']);
    const notes = [...results, retried].map((result) => result.blocks[1]);
    assert.ok(results.every((result) => result.replace_original === true));
    assert.ok(
      notes.some((note) => JSON.stringify(note).includes('Requested a review from @li on acme/api#1.')),
      JSON.stringify(notes),
    );
    assert.match(
      JSON.stringify(retried.blocks[1]),
      /A review from @li on acme\/api#1 was already requested\./,
    );
    const approvals = await t.server.models.Approval.find({
      tenantId: t.tenantId,
      action_type: 'pr.request_review',
    }).lean();
    assert.equal(approvals.length, 1);
    assert.equal(approvals[0]?.mode, 'auto');
    assert.equal(approvals[0]?.requester, `slack:${ANA.id}`);
    assert.equal(
      await t.server.models.AuditEvent.countDocuments({
        tenantId: t.tenantId,
        verb: 'action.execute',
        subject: `approval:${approvals[0]?._id}`,
      }),
      1,
    );
  });

  it('nudges whoever it waits on by DM once a day, and says so to the clicker', async () => {
    const reply = await t.command('');
    const first = await t.click(reply, 'acme/api#1', TRIAGE_ACTIONS.nudge);
    assert.match(JSON.stringify(first.blocks[1]), /Nudged @li\./);
    const again = await t.click(reply, 'acme/api#1', TRIAGE_ACTIONS.nudge);
    assert.match(JSON.stringify(again.blocks[1]), /@li was already nudged about it today\./);
    const dms = t.slack.posts().filter((post) => post.channel === 'D0LI');
    assert.equal(dms.length, 1);
    assert.match(dms[0]?.text ?? '', /acme\/api#1 is waiting on you/);
    assert.match(dms[0]?.text ?? '', /Ana Lima asks you to have a look/);
    const unlinked = await t.click(reply, 'acme/api#2', TRIAGE_ACTIONS.nudge);
    assert.match(JSON.stringify(unlinked.blocks[1]), /@dana has no chat account linked/);
  });

  it("shows who said I'm on it, and keeps the first one", async () => {
    const reply = await t.command('');
    const taken = await t.click(reply, 'acme/api#2', TRIAGE_ACTIONS.take);
    assert.match(textOf(taken), /Noted: you are on acme\/api#2\./);
    assert.match(textOf(taken), /_Ana Lima is on it_/);
    const row = taken.blocks.find(
      (block) => block.type === 'actions' && block.block_id === 'triage:acme/api#2',
    );
    assert.ok(row?.type === 'actions');
    assert.ok(!row.elements.some((button) => button.action_id === TRIAGE_ACTIONS.take));
    const late = await t.click(reply, 'acme/api#2', TRIAGE_ACTIONS.take, slackUser('U0BOB'));
    assert.match(textOf(late), /Ana Lima is already on acme\/api#2\./);
  });

  it("snoozes an item out of the clicker's queue, for a day or until the next commit", async () => {
    const reply = await t.command('');
    const snoozed = await t.click(reply, 'acme/api#2', TRIAGE_ACTIONS.snoozeDay);
    assert.match(textOf(snoozed), /Snoozed acme\/api#2 for a day\./);
    assert.doesNotMatch(textOf(snoozed), /triage:acme\/api#2/);
    assert.match(textOf(snoozed), /1 snoozed by you/);
    assert.doesNotMatch(textOf(await t.command('')), /triage:acme\/api#2/);
    assert.match(
      textOf(await t.command('', slackUser('U0BOB'))),
      /triage:acme\/api#2/,
      'only for the one who snoozed',
    );
    const untilCommit = await t.click(reply, 'acme/api#1', TRIAGE_ACTIONS.snoozeCommit);
    assert.match(textOf(untilCommit), /Nothing is waiting on anyone in everyone\./);
    const stored = await t.server.models.TriageSnooze.findOne({ tenantId: t.tenantId, number: 1 }).lean();
    assert.equal(stored?.head, 'sha-1-1');
  });
});

describe('Slack: pr.request_review under a policy that asks for approval', function () {
  this.timeout(60_000);
  let t: Awaited<ReturnType<typeof startTriageServer>>;
  before(async () => {
    t = await startTriageServer(`actions:
  pr.request_review: { risk: high, mode: require_approval }
tiers:
  high:
    approvers: { users: [slack:U0LEAD] }
`);
  });
  after(() => t.close());

  it('asks the approver first, then requests the review once when approved', async () => {
    const reply = await t.command('');
    const asked = await t.click(reply, 'acme/api#1', TRIAGE_ACTIONS.requestReview);
    assert.match(
      JSON.stringify(asked.blocks[1]),
      /Asked for approval to request a review from @li on acme\/api#1\./,
    );
    assert.equal(t.github.reviewRequestCalls('acme/api#1'), 0);
    const [approval] = await t.server.models.Approval.find({
      tenantId: t.tenantId,
      action_type: 'pr.request_review',
    }).lean();
    assert.equal(approval?.status, 'pending');
    await t.click(reply, 'acme/api#1', TRIAGE_ACTIONS.requestReview);
    assert.equal(
      await t.server.models.Approval.countDocuments({
        tenantId: t.tenantId,
        action_type: 'pr.request_review',
      }),
      1,
    );
    const decide = () =>
      fetch(`${t.server.url}/v1/approvals/${String(approval?._id)}/decision`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer triage-e2e-api-token-0123456789abcdef',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ decision: 'approve', decided_by: 'slack:U0LEAD' }),
      });
    const decisions = await Promise.all([decide(), decide()]);
    assert.deepEqual(decisions.map((response) => response.status).sort(), [200, 409]);
    assert.equal(t.github.reviewRequestCalls('acme/api#1'), 1);
    assert.deepEqual(t.github.requestedReviewers.get('acme/api#1'), ['li']);
  });
});

describe('Slack: /triage on the pull-request facts (the loader bot/main.ts wires)', function () {
  this.timeout(60_000);
  let t: Awaited<ReturnType<typeof startTriageServer>>;
  const monday = new Date('2026-11-30T09:00:00Z');
  before(async () => {
    t = await startTriageServer(undefined, 'facts');
    const fact = (number: number, fields: Partial<PullRequestFields>) => ({
      _id: `${t.tenantId}|acme/api|${number}`,
      tenantId: t.tenantId,
      repo: 'acme/api',
      number,
      title: `Change ${number}`,
      url: `https://github.com/acme/api/pull/${number}`,
      state: 'open' as const,
      author: 'dana',
      draft: false,
      headSha: `sha-${number}`,
      openedAt: monday,
      readyAt: monday,
      updatedAt: monday,
      lastCommitAt: monday,
      ...fields,
    });
    await t.server.models.PullRequest.create([
      fact(7, { requestedReviewers: ['li'], files: ['api/billing/charge.ts'] }),
      // What the reviewer suggester learns from: li reviewed dana's last three changes under api/billing/.
      ...[1, 2, 3].map((number) =>
        fact(number, {
          state: 'merged',
          mergedAt: new Date(monday.getTime() - number * 86_400_000),
          reviewers: ['li'],
          files: ['api/billing/refund.ts'],
        }),
      ),
      fact(8, { draft: true, readyAt: undefined }),
      fact(9, { author: 'dependabot[bot]' }),
    ]);
  });
  after(() => t.close());

  it("ranks the facts' open PRs with ages in li's working hours, the bot lane and drafts apart", async () => {
    const reply = await t.command('acme/api');
    assertWithinSlackLimits(reply, '/triage on facts');
    const text = textOf(reply);
    // Monday 09:00 to Thursday 10:00 in li's hours (Mon–Fri 09:00–17:00 UTC): 8 + 8 + 8 + 1.
    assert.match(text, /acme\/api#7>\* Change 7/);
    assert.match(text, /25 working hours · waits on @li/);
    assert.match(text, /[Ww]aiting for a first review/);
    assert.match(text, /Suggested reviewer \*@li\*: [^"]*reviewed 3 of your last 3 PRs/);
    assert.doesNotMatch(text, /acme\/api#[89]>/);
    assert.match(text, /Bot lane: 1 PR by bots in 1 repository, summarised weekly · 1 draft left out/);
    const nudged = await t.click(reply, 'acme/api#7', TRIAGE_ACTIONS.nudge);
    assert.match(JSON.stringify(nudged.blocks), /Nudged @li\./);
    await t.click(reply, 'acme/api#7', TRIAGE_ACTIONS.requestReview);
    assert.deepEqual(t.github.requestedReviewers.get('acme/api#7'), ['li']);
  });
});
