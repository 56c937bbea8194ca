import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APPROVAL_ACTIONS } from '../../cards/slack/approval.ts';
import { MODIFY_MODAL } from '../../cards/slack/modify-approval-modal.ts';
import type { Block } from '../../cards/slack/types.ts';
import { advanceApproval } from '../../handlers/approvals/advance-approval.ts';
import type { Approval, ActionExecutor } from '../../handlers/approvals/types.ts';
import { FakeSlack, type SlackCall } from '../fakes/slack-api.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import {
  appHomeOpened,
  buttonClick,
  postEvent,
  postInteraction,
  slackUser,
  viewSubmission,
  type ClickedIn,
  type InMessage,
  type SlackUser,
} from '../support/slack-interactivity.ts';
import { postToSlack, slashCommandBody } from '../support/slack-signing.ts';

const SIGNING_SECRET = 'approvals-signing-secret-0123456789';
const API_TOKEN = 'approvals-api-token-0123456789abcdef';

const ALICE = slackUser('U0ALICE'); // asks
const BOB = slackUser('U0BOB'); // high-risk approver
const CAROL = slackUser('U0CAROL'); // high-risk approver
const DAVE = slackUser('U0DAVE'); // nobody
const ERIN = slackUser('U0ERIN'); // in the S0LEADS user group, which approves medium-risk actions
const CTO = slackUser('U0CTO'); // high-risk requests escalate to them

const policyYaml = (costLimit: number) => `actions:
  policy.set: { risk: high, mode: require_approval }
  deploy.tag: { risk: high, mode: require_approval }
  pr.merge: { risk: high, mode: require_approval }
  pr.label: { risk: medium, mode: require_approval }
  release.cut: { risk: high, mode: require_approval, quorum: 2 }
limits:
  max_monthly_cost_usd: ${costLimit}
tiers:
  medium:
    approvers: { slack_groups: [S0LEADS] }
  high:
    approvers: { users: [slack:U0BOB, slack:U0CAROL] }
    escalation: { remind_after: 30m, escalate_after: 2h, escalate_to: [slack:U0CTO] }
`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Slack: approvals end to end', () => {
  let slack: FakeSlack;
  let server: TestServer;
  let dir: string;
  let tenantId: string;
  const runs: { actionType: string; payload: unknown }[] = [];

  /** Counts every run; slow enough that racing clicks overlap it. */
  const countingExecutor: ActionExecutor = async (approval) => {
    runs.push({ actionType: approval.action_type, payload: approval.proposed_payload });
    await sleep(150);
    return { summary: `ran ${approval.action_type}` };
  };
  const runsOf = (actionType: string) => runs.filter((run) => run.actionType === actionType).length;

  before(async () => {
    slack = new FakeSlack();
    slack.usergroups.set('S0LEADS', [ERIN.id, ALICE.id]);
    await slack.http.start();
    tenantId = slack.team.id;
    dir = mkdtempSync(path.join(os.tmpdir(), 'em-agent-slack-approvals-'));
    const policyFile = path.join(dir, 'policy.yaml');
    writeFileSync(policyFile, policyYaml(200));
    server = await startTestServer(
      import.meta.url,
      {
        SLACK_BOT_TOKEN: 'xoxb-approvals-test',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        POLICY_FILE: policyFile,
        API_TOKEN,
      },
      {
        executors: {
          'deploy.tag': countingExecutor,
          'pr.merge': countingExecutor,
          'pr.label': countingExecutor,
          'release.cut': countingExecutor,
        },
      },
    );
  });
  after(async () => {
    await server.close();
    await slack.http.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  // ---- helpers ------------------------------------------------------------------------------------------

  async function propose(
    actionType: string,
    payload: unknown,
    requester = `slack:${ALICE.id}`,
    conversation?: { surface: 'slack'; id: string },
  ) {
    const response = await fetch(`${server.url}/v1/actions/propose`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        action_type: actionType,
        target_ref: `test:${actionType}`,
        proposed_payload: payload,
        requester,
        ...(conversation ? { conversation } : {}),
      }),
    });
    assert.equal(response.status, 201, await response.clone().text());
    const { action_id: id } = (await response.json()) as { action_id: string };
    return id;
  }

  const approvalOf = async (id: string): Promise<Approval> => {
    const approval = await server.approvals.store.get(tenantId, id);
    assert.ok(approval, `approval ${id} is missing`);
    return approval;
  };

  /** Waits until `count` calls of a method match, among those made after `after` calls of it. */
  async function callsOf(
    method: string,
    match: (call: SlackCall) => boolean,
    { count = 1, after = 0, timeoutMs = 5_000 } = {},
  ): Promise<SlackCall[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = slack.calls(method).slice(after).filter(match);
      if (found.length >= count) return found;
      if (Date.now() > deadline) {
        assert.fail(
          `expected ${count} ${method} call(s), saw ${found.length}: ${JSON.stringify(slack.calls(method).slice(after))}`,
        );
      }
      await sleep(20);
    }
  }

  const blocksOf = (call: SlackCall): Block[] =>
    typeof call.args.blocks === 'string' ? JSON.parse(call.args.blocks) : (call.args.blocks as Block[]);
  const viewOf = (call: SlackCall): { type: string; blocks: Block[]; private_metadata?: string } =>
    typeof call.args.view === 'string' ? JSON.parse(call.args.view) : (call.args.view as never);
  const buttonsIn = (blocks: Block[]) =>
    blocks.flatMap((block) => (block.type === 'actions' ? block.elements : []));

  /** The request message a person received: its DM (or channel) and ts, as stored on the approval. */
  async function messageTo(id: string, channel: string): Promise<InMessage> {
    const approval = await approvalOf(id);
    const message = approval.messages.find((posted) => posted.conversation === channel);
    assert.ok(message, `no request message in ${channel}: ${JSON.stringify(approval.messages)}`);
    return { channel, messageTs: message.messageId };
  }

  async function click(user: SlackUser, action: keyof typeof APPROVAL_ACTIONS, id: string, where: ClickedIn) {
    const response = await postInteraction(
      server.url,
      SIGNING_SECRET,
      buttonClick({ teamId: tenantId, user, actionId: APPROVAL_ACTIONS[action], value: id, in: where }),
    );
    assert.equal(response.status, 200);
  }

  /** Clicks and returns the private answer the person got. */
  async function clickAndHear(
    user: SlackUser,
    action: keyof typeof APPROVAL_ACTIONS,
    id: string,
    where: ClickedIn,
  ): Promise<string> {
    const before = slack.calls('chat.postEphemeral').length;
    await click(user, action, id, where);
    const [answer] = await callsOf('chat.postEphemeral', (call) => call.args.user === user.id, {
      after: before,
    });
    return String(answer!.args.text);
  }

  // ---- a request proposed in a channel ----------------------------------------------------------------

  describe('a policy change proposed with /em policy set in a channel', () => {
    let id: string;
    let inChannel: InMessage;

    it('posts the request in the channel, mentioning the approvers, with Approve / Decline / Modify', async () => {
      const body = slashCommandBody({
        text: `policy set ${policyYaml(150)}`,
        responseUrl: slack.responseUrl('policy-set'),
        teamId: tenantId,
      });
      const response = await postToSlack(server.url, body, SIGNING_SECRET);
      assert.equal(response.status, 200);
      const reply = await slack.waitForResponse('policy-set');
      assert.match(JSON.stringify(reply), /Policy change proposed/);
      const [posted] = await callsOf('chat.postMessage', (call) => call.args.channel === 'C0CHANNEL');
      const blocks = blocksOf(posted!);
      const text = JSON.stringify(blocks);
      assert.match(text, /<@U0BOB> <@U0CAROL> Your decision is needed/);
      assert.match(text, /policy\.set/);
      assert.match(text, /Asked by\*\\n<@U0ALICE>/);
      const buttons = buttonsIn(blocks);
      assert.deepEqual(
        buttons.map((button) => button.action_id),
        [APPROVAL_ACTIONS.approve, APPROVAL_ACTIONS.decline, APPROVAL_ACTIONS.modify],
      );
      id = buttons[0]!.value!;
      assert.equal(slack.calls('chat.postMessage').filter((call) => call.args.channel === BOB.id).length, 0);
      inChannel = await messageTo(id, 'C0CHANNEL');
    });

    it('tells someone who is not an approver why not, privately, and changes nothing', async () => {
      const updates = slack.calls('chat.update').length;
      const answer = await clickAndHear(DAVE, 'approve', id, inChannel);
      assert.equal(
        answer,
        'Only approvers for high-risk actions can decide on this, and you are not one of them.',
      );
      const approval = await approvalOf(id);
      assert.equal(approval.status, 'pending');
      assert.deepEqual(approval.decisions, []);
      assert.equal(slack.calls('chat.update').length, updates);
    });

    it('tells the requester they cannot approve their own request', async () => {
      const answer = await clickAndHear(ALICE, 'approve', id, inChannel);
      assert.equal(answer, 'You asked for this, so someone else has to approve it.');
      assert.equal((await approvalOf(id)).status, 'pending');
    });

    it('lets an approver approve: the policy changes once, the message loses its buttons, the requester is told', async () => {
      const updates = slack.calls('chat.update').length;
      const answer = await clickAndHear(BOB, 'approve', id, inChannel);
      assert.match(answer, /^Approved and done: the new policy is in force \(5 actions\)\.$/);
      const approval = await approvalOf(id);
      assert.equal(approval.status, 'approved');
      assert.equal(approval.decided_by, `slack:${BOB.id}`);
      assert.equal(approval.execution.status, 'succeeded');
      const inForce = await server.approvals.policies.inForce(tenantId);
      assert.equal(inForce.source, 'tenant');
      assert.match(inForce.yaml, /max_monthly_cost_usd: 150/);

      const [update] = await callsOf(
        'chat.update',
        (call) =>
          call.args.channel === 'C0CHANNEL' &&
          call.args.ts === inChannel.messageTs &&
          /Done/.test(JSON.stringify(call.args.blocks)),
        { after: updates },
      );
      const blocks = blocksOf(update!);
      assert.deepEqual(buttonsIn(blocks), []);
      assert.match(JSON.stringify(blocks), /Approved\* by <@U0BOB>/);
      const [told] = await callsOf('chat.postMessage', (call) => call.args.thread_ts === inChannel.messageTs);
      assert.equal(told!.args.channel, 'C0CHANNEL');
      assert.match(String(told!.args.text), /^<@U0ALICE> Done: policy\.set on policy:T0EMAGENT/);
    });

    it('tells a later approver it was already approved, and runs nothing again', async () => {
      const answer = await clickAndHear(CAROL, 'approve', id, inChannel);
      assert.equal(answer, 'This request was already approved.');
      const executions = (await ledgerEntries()).filter(
        (entry) => entry.verb === 'action.execute' && entry.subject === `approval:${id}`,
      );
      assert.equal(executions.length, 1);
    });
  });

  // ---- requests proposed over the API: direct messages ----------------------------------------------

  describe('a request proposed over the REST API', () => {
    it('DMs each approver (never the requester) and records the posted messages', async () => {
      const before = slack.calls('chat.postMessage').length;
      const id = await propose('deploy.tag', { tag: 'v1.2.3' });
      const dms = await callsOf('chat.postMessage', (call) => !call.args.thread_ts, {
        after: before,
        count: 2,
      });
      assert.deepEqual(dms.map((call) => call.args.channel).sort(), [BOB.id, CAROL.id]);
      for (const dm of dms) {
        assert.deepEqual(
          buttonsIn(blocksOf(dm)).map((button) => button.value),
          [id, id, id],
        );
        assert.match(JSON.stringify(blocksOf(dm)), /\\"tag\\": \\"v1\.2\.3\\"/);
      }
      const approval = await approvalOf(id);
      assert.deepEqual(approval.messages.map((message) => [message.surface, message.conversation]).sort(), [
        ['slack', 'D0BOB'],
        ['slack', 'D0CAROL'],
      ]);
    });

    it('lets only one of two approvers clicking at once win; the action runs once', async () => {
      const id = await propose('deploy.tag', { tag: 'v2.0.0' });
      const [toBob, toCarol] = [await messageTo(id, 'D0BOB'), await messageTo(id, 'D0CAROL')];
      const runsBefore = runsOf('deploy.tag');
      const before = slack.calls('chat.postEphemeral').length;
      await Promise.all([click(BOB, 'approve', id, toBob), click(CAROL, 'approve', id, toCarol)]);
      const answers = await callsOf('chat.postEphemeral', () => true, { after: before, count: 2 });
      const texts = answers.map((call) => String(call.args.text)).sort();
      assert.deepEqual(texts, ['Approved and done: ran deploy.tag.', 'This request was already approved.']);
      assert.equal(runsOf('deploy.tag'), runsBefore + 1);
      const approval = await approvalOf(id);
      assert.equal(approval.decisions.length, 1);
      // Both direct messages end without buttons, and the requester hears how it went.
      for (const where of [toBob, toCarol]) {
        await callsOf(
          'chat.update',
          (call) =>
            call.args.channel === where.channel &&
            call.args.ts === where.messageTs &&
            /Done: ran deploy\.tag/.test(String(call.args.blocks)),
        );
      }
      await callsOf(
        'chat.postMessage',
        (call) => call.args.channel === ALICE.id && /Done: deploy\.tag/.test(String(call.args.text)),
      );
    });

    it('counts a double click once: one approval, one run, a clear answer to the second click', async () => {
      const id = await propose('deploy.tag', { tag: 'v3.0.0' });
      const toBob = await messageTo(id, 'D0BOB');
      const runsBefore = runsOf('deploy.tag');
      const before = slack.calls('chat.postEphemeral').length;
      await Promise.all([click(BOB, 'approve', id, toBob), click(BOB, 'approve', id, toBob)]);
      const answers = await callsOf('chat.postEphemeral', (call) => call.args.user === BOB.id, {
        after: before,
        count: 2,
      });
      const texts = answers.map((call) => String(call.args.text)).sort();
      assert.equal(texts[0], 'Approved and done: ran deploy.tag.');
      assert.match(
        texts[1]!,
        /^(This request was already approved\.|You already decided on this request\.)$/,
      );
      assert.equal(runsOf('deploy.tag'), runsBefore + 1);
      assert.equal((await approvalOf(id)).decisions.length, 1);
    });

    it('shows quorum progress and keeps the buttons until enough approvers agreed', async () => {
      const id = await propose('release.cut', { version: '7.0' });
      const [toBob, toCarol] = [await messageTo(id, 'D0BOB'), await messageTo(id, 'D0CAROL')];
      const updates = slack.calls('chat.update').length;
      assert.equal(
        await clickAndHear(BOB, 'approve', id, toBob),
        'Your approval is recorded; 1 more approval needed.',
      );
      const progress = await callsOf('chat.update', () => true, { after: updates, count: 2 });
      for (const update of progress) {
        assert.match(JSON.stringify(blocksOf(update)), /1 of 2 \(<@U0BOB>\)/);
        assert.equal(buttonsIn(blocksOf(update)).length, 3, 'still open for the second approver');
      }
      assert.equal(
        await clickAndHear(BOB, 'approve', id, toBob),
        'You already decided on this request; it needs 2 different approvers.',
      );
      assert.equal(runsOf('release.cut'), 0);
      assert.equal(await clickAndHear(CAROL, 'approve', id, toCarol), 'Approved and done: ran release.cut.');
      assert.equal(runsOf('release.cut'), 1);
    });

    it('declines with the confirm-guarded Decline button, and nothing runs', async () => {
      const id = await propose('deploy.tag', { tag: 'v4.0.0' });
      const runsBefore = runsOf('deploy.tag');
      const answer = await clickAndHear(CAROL, 'decline', id, await messageTo(id, 'D0CAROL'));
      assert.equal(answer, 'Declined. deploy.tag will not run.');
      assert.equal((await approvalOf(id)).status, 'declined');
      assert.equal(runsOf('deploy.tag'), runsBefore);
      await callsOf('chat.update', (call) => /Declined\* by <@U0CAROL>/.test(String(call.args.blocks)));
      await callsOf(
        'chat.postMessage',
        (call) => call.args.channel === ALICE.id && /was declined/.test(String(call.args.text)),
      );
    });

    it('answers a click after expiry with "expired", closes it as expired and runs nothing', async () => {
      const id = await propose('deploy.tag', { tag: 'v5.0.0' });
      const toBob = await messageTo(id, 'D0BOB');
      await server.models.Approval.updateOne(
        { tenantId, _id: id },
        { $set: { expires_at: new Date(Date.now() - 1_000) } },
      );
      const runsBefore = runsOf('deploy.tag');
      const answer = await clickAndHear(BOB, 'approve', id, toBob);
      assert.equal(answer, 'This request expired before anyone decided, so it can no longer be approved.');
      assert.equal((await approvalOf(id)).status, 'expired');
      assert.equal(runsOf('deploy.tag'), runsBefore);
      await callsOf(
        'chat.update',
        (call) => call.args.ts === toBob.messageTs && /Expired\*/.test(String(call.args.blocks)),
      );
      await callsOf(
        'chat.postMessage',
        (call) => call.args.channel === ALICE.id && /expired/.test(String(call.args.text)),
      );
    });
  });

  describe('reminders and escalation', () => {
    it('reminds in the request thread, then escalates there; the escalation target may then decide', async () => {
      const id = await propose('deploy.tag', { tag: 'slow' }, `slack:${ALICE.id}`, {
        surface: 'slack',
        id: 'C0OPS',
      });
      const request = await messageTo(id, 'C0OPS');
      const ageBy = (ms: number) =>
        server.models.Approval.updateOne(
          { tenantId, _id: id },
          { $set: { created_at: new Date(Date.now() - ms) } },
        );
      assert.equal(
        await clickAndHear(CTO, 'approve', id, request),
        'Only approvers for high-risk actions can decide on this, and you are not one of them.',
      );

      await ageBy(31 * 60_000);
      await advanceApproval(server.approvals, tenantId, id);
      const [reminder] = await callsOf(
        'chat.postMessage',
        (call) => call.args.thread_ts === request.messageTs,
      );
      assert.match(String(reminder!.args.text), /^<@U0BOB> <@U0CAROL> Reminder: this is still waiting/);
      assert.equal(buttonsIn(blocksOf(reminder!)).length, 3);

      await ageBy(121 * 60_000);
      await advanceApproval(server.approvals, tenantId, id);
      const [escalation] = await callsOf(
        'chat.postMessage',
        (call) => call.args.thread_ts === request.messageTs && /Escalated/.test(String(call.args.text)),
      );
      assert.match(String(escalation!.args.text), /^<@U0CTO> Escalated/);
      const approval = await approvalOf(id);
      assert.equal(
        approval.messages.length,
        3,
        'the request, the reminder and the escalation are kept up to date',
      );
      assert.equal(await clickAndHear(CTO, 'approve', id, request), 'Approved and done: ran deploy.tag.');
      const updated = await callsOf(
        'chat.update',
        (call) => /Done: ran deploy\.tag/.test(String(call.args.blocks)) && call.args.channel === 'C0OPS',
        { count: 3 },
      );
      assert.deepEqual(new Set(updated.map((call) => call.args.ts)).size, 3);
    });
  });

  // ---- Modify ---------------------------------------------------------------------------------------

  describe('Modify', () => {
    let id: string;
    let toBob: InMessage;
    let modal: Record<string, unknown>;

    async function submit(json: string, reason: string | null = null) {
      return postInteraction(
        server.url,
        SIGNING_SECRET,
        viewSubmission({
          teamId: tenantId,
          user: BOB,
          view: modal,
          values: {
            [MODIFY_MODAL.payloadBlock]: { [MODIFY_MODAL.payloadAction]: json },
            [MODIFY_MODAL.reasonBlock]: { [MODIFY_MODAL.reasonAction]: reason },
          },
        }),
      );
    }

    before(async () => {
      id = await propose('pr.merge', { merge_method: 'squash' });
      toBob = await messageTo(id, 'D0BOB');
    });

    it('refuses the requester before opening anything', async () => {
      const opened = slack.calls('views.open').length;
      const answer = await clickAndHear(ALICE, 'modify', id, toBob);
      assert.equal(answer, 'You asked for this, so someone else has to approve it.');
      assert.equal(slack.calls('views.open').length, opened);
    });

    it('opens a modal with the payload as JSON for an approver', async () => {
      const opened = slack.calls('views.open').length;
      await click(BOB, 'modify', id, toBob);
      const [open] = await callsOf('views.open', () => true, { after: opened });
      assert.match(String(open!.args.trigger_id), /13345224609/);
      modal = viewOf(open!) as unknown as Record<string, unknown>;
      const input = (modal.blocks as Block[]).find(
        (block) => block.type === 'input' && block.block_id === MODIFY_MODAL.payloadBlock,
      );
      assert.ok(input?.type === 'input' && input.element.type === 'plain_text_input');
      assert.equal(input.element.initial_value, JSON.stringify({ merge_method: 'squash' }, null, 2));
      assert.equal(input.element.multiline, true);
    });

    it('keeps the modal open with the problem on the input for invalid JSON', async () => {
      const response = await submit('{ merge_method: rebase');
      assert.equal(response.status, 200);
      const body = (await response.json()) as { response_action: string; errors: Record<string, string> };
      assert.equal(body.response_action, 'errors');
      assert.match(body.errors[MODIFY_MODAL.payloadBlock]!, /^That is not valid JSON: /);
    });

    it('keeps the modal open naming the field the action refuses', async () => {
      const response = await submit('{ "merge_method": "yolo" }');
      const body = (await response.json()) as { response_action: string; errors: Record<string, string> };
      assert.equal(body.response_action, 'errors');
      assert.match(body.errors[MODIFY_MODAL.payloadBlock]!, /pr\.merge: merge_method: /);
      const approval = await approvalOf(id);
      assert.equal(approval.status, 'pending');
      assert.deepEqual(approval.decisions, []);
    });

    it('records a valid change as a modify, runs the changed payload once and closes the modal', async () => {
      const runsBefore = runsOf('pr.merge');
      const before = slack.calls('chat.postEphemeral').length;
      const response = await submit('{ "merge_method": "rebase" }', 'Keep the history linear');
      assert.equal(response.status, 200);
      assert.equal(await response.text(), '', 'an empty 200 closes the modal');
      const [answer] = await callsOf('chat.postEphemeral', (call) => call.args.user === BOB.id, {
        after: before,
      });
      assert.equal(answer!.args.text, 'Approved and done: ran pr.merge.');
      assert.equal(answer!.args.channel, 'D0BOB');
      const approval = await approvalOf(id);
      assert.equal(approval.status, 'approved');
      assert.deepEqual(approval.proposed_payload, { merge_method: 'rebase' });
      assert.deepEqual(approval.original_payload, { merge_method: 'squash' });
      assert.equal(approval.decisions[0]?.decision, 'modify');
      assert.equal(approval.decisions[0]?.reason, 'Keep the history linear');
      assert.equal(runsOf('pr.merge'), runsBefore + 1);
      assert.deepEqual(runs.filter((run) => run.actionType === 'pr.merge').at(-1)?.payload, {
        merge_method: 'rebase',
      });
      await callsOf('chat.update', (call) => /Payload \(modified\)/.test(String(call.args.blocks)));
    });
  });

  // ---- user groups ----------------------------------------------------------------------------------

  describe('approvers named by Slack user group', () => {
    it('DMs the group members (not the requester), and lets a member approve but not an outsider', async () => {
      const before = slack.calls('chat.postMessage').length;
      const id = await propose('pr.label', { labels: ['bug'] });
      const [dm] = await callsOf('chat.postMessage', () => true, { after: before });
      await sleep(100);
      assert.deepEqual(
        slack
          .calls('chat.postMessage')
          .slice(before)
          .map((call) => call.args.channel),
        [ERIN.id],
        'only Erin: Alice is in the group but asked',
      );
      const toErin = await messageTo(id, String(dm!.args.channel).replace(/^U/, 'D'));
      assert.ok(slack.calls('usergroups.users.list').some((call) => call.args.usergroup === 'S0LEADS'));

      assert.equal(
        await clickAndHear(DAVE, 'approve', id, toErin),
        'Only approvers for medium-risk actions can decide on this, and you are not one of them.',
      );
      assert.equal(await clickAndHear(ERIN, 'approve', id, toErin), 'Approved and done: ran pr.label.');
      assert.equal((await approvalOf(id)).decided_by, `slack:${ERIN.id}`);
    });
  });

  // ---- App Home and /em approvals -------------------------------------------------------------------

  describe('the queue in App Home and /em approvals', () => {
    let alicesRequest: string;
    let bobsRequest: string;

    before(async () => {
      alicesRequest = await propose('deploy.tag', { tag: 'home-1' });
      bobsRequest = await propose('deploy.tag', { tag: 'home-2' }, `slack:${BOB.id}`);
    });

    async function openHome(user: SlackUser) {
      const before = slack.calls('views.publish').length;
      const response = await postEvent(server.url, SIGNING_SECRET, appHomeOpened(tenantId, user.id));
      assert.equal(response.status, 200);
      const [published] = await callsOf('views.publish', (call) => call.args.user_id === user.id, {
        after: before,
      });
      return viewOf(published!);
    }

    it('publishes each person their queue, with buttons only where they may decide', async () => {
      const bobs = await openHome(BOB);
      assert.equal(bobs.type, 'home');
      const decidable = new Set(buttonsIn(bobs.blocks).map((button) => button.value));
      assert.ok(decidable.has(alicesRequest), 'Bob may decide on Alice’s request');
      assert.ok(!decidable.has(bobsRequest), 'but not on his own');
      assert.match(JSON.stringify(bobs.blocks), /Also pending in this workspace\* \(1\)/);
      const daves = await openHome(DAVE);
      assert.deepEqual(buttonsIn(daves.blocks), []);
      const daveText = JSON.stringify(daves.blocks);
      assert.match(daveText, /Nothing is waiting for your decision/);
      assert.match(daveText, /Also pending in this workspace\* \([3-9]\)/);
    });

    it('answers a click in App Home by publishing it again with the outcome on top', async () => {
      const before = slack.calls('views.publish').length;
      await click(BOB, 'approve', alicesRequest, { home: true });
      const [published] = await callsOf('views.publish', (call) => call.args.user_id === BOB.id, {
        after: before,
      });
      const text = JSON.stringify(viewOf(published!).blocks);
      assert.match(text, /Approved and done: ran deploy\.tag\./);
      assert.ok(!text.includes(alicesRequest), 'the decided request left the queue');
    });

    it('lists pending requests with their buttons in /em approvals', async () => {
      const body = slashCommandBody({
        text: 'approvals',
        responseUrl: slack.responseUrl('approvals'),
        teamId: tenantId,
      });
      await postToSlack(server.url, body, SIGNING_SECRET);
      const reply = await slack.waitForResponse('approvals');
      assert.equal(reply.response_type, 'ephemeral');
      const buttons = buttonsIn(reply.blocks as Block[]);
      assert.ok(
        buttons.some(
          (button) => button.value === bobsRequest && button.action_id === APPROVAL_ACTIONS.approve,
        ),
      );
      assert.ok(!buttons.some((button) => button.value === alicesRequest), 'closed requests are not listed');
    });
  });

  describe('answers where the bot cannot post', () => {
    it('sends the private answer as a direct message instead', async () => {
      slack.channelsWithoutBot.add('C0NOBOT');
      const id = await propose('deploy.tag', { tag: 'no-bot' });
      const before = slack.calls('chat.postMessage').length;
      await click(DAVE, 'approve', id, {
        channel: 'C0NOBOT',
        messageTs: '1700000000.000900',
        ephemeral: true,
      });
      const [dm] = await callsOf('chat.postMessage', (call) => call.args.channel === DAVE.id, {
        after: before,
      });
      assert.match(String(dm!.args.text), /you are not one of them/);
      assert.ok(slack.calls('chat.postEphemeral').some((call) => call.args.channel === 'C0NOBOT'));
    });
  });

  // ---- audit ----------------------------------------------------------------------------------------

  async function ledgerEntries() {
    const entries = [];
    for await (const entry of server.approvals.ledger.read(tenantId)) entries.push(entry);
    return entries;
  }

  // Mocha runs a suite's own tests before its nested suites: these come last because they sit in one too.
  describe('afterwards', () => {
    it('records every step in an intact audit ledger', async () => {
      const verification = await server.approvals.ledger.verify(tenantId);
      assert.equal(verification.ok, true, JSON.stringify(verification));
      const entries = await ledgerEntries();
      const verbs = new Set(entries.map((entry) => entry.verb));
      for (const verb of [
        'action.propose',
        'approval.decide',
        'action.execute',
        'approval.expire',
        'approval.remind',
        'approval.escalate',
        'policy.set',
      ]) {
        assert.ok(verbs.has(verb), `no ${verb} in the ledger`);
      }
      const refused = entries.filter(
        (entry) => entry.verb === 'approval.decide' && entry.outcome === 'refused',
      );
      assert.deepEqual([...new Set(refused.map((entry) => entry.actor))].sort(), [
        `slack:${ALICE.id}`,
        `slack:${CTO.id}`,
        `slack:${DAVE.id}`,
      ]);
      assert.ok(entries.some((entry) => entry.verb === 'approval.decide' && entry.outcome === 'modified'));
    });

    it('never logs message text or the bot token', () => {
      const logged = JSON.stringify(server.logs);
      assert.ok(!logged.includes('xoxb-approvals-test'));
      assert.ok(!logged.includes('Keep the history linear'));
    });
  });
});
