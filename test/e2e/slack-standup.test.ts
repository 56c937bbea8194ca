import assert from 'node:assert/strict';
import { STANDUP_SETUP_MODAL } from '../../cards/slack/standup-setup-modal.ts';
import { FakeSlack, type SlackCall } from '../fakes/slack-api.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { buttonClick, postInteraction, slackUser, viewSubmission } from '../support/slack-interactivity.ts';
import { postToSlack, slashCommandBody } from '../support/slack-signing.ts';
import { assertViewWithinSlackLimits } from '../support/validate-cards.ts';
import type { SlackModalView } from '../../cards/slack/types.ts';

const SIGNING_SECRET = 'e2e-standup-signing-secret-0123456789';
const ALICE = slackUser('U0ALICE');
const BOB = slackUser('U0BOB');
const { blocks, action } = STANDUP_SETUP_MODAL;

const text = (value: string) => ({ [action]: { type: 'plain_text_input', value } });
const selected = (value: string) => ({ [action]: { type: 'static_select', selected_option: { value } } });

/** What the set-up modal sends back for a filled-in form (three default rows). */
function filledValues(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    [blocks.name]: text('Platform daily'),
    [blocks.reportChannel]: {
      [action]: { type: 'conversations_select', selected_conversation: 'C0PLATFORM' },
    },
    [blocks.members]: { [action]: { type: 'multi_users_select', selected_users: ['U0ALICE', 'U0ANA'] } },
    [blocks.usergroup]: { [action]: { type: 'static_select', selected_option: null } },
    [blocks.question(1)]: text('What did you do?'),
    [blocks.kind(1)]: selected('text'),
    [blocks.choices(1)]: text(''),
    [blocks.question(2)]: text('How confident are you?'),
    [blocks.kind(2)]: selected('choice'),
    [blocks.choices(2)]: text('High, Low'),
    [blocks.question(3)]: text('Anything blocking you?'),
    [blocks.kind(3)]: selected('text'),
    [blocks.choices(3)]: text(''),
    [blocks.blockers]: { [action]: { type: 'radio_buttons', selected_option: { value: '3' } } },
    [blocks.days]: { [action]: { type: 'checkboxes', selected_options: [{ value: '1' }, { value: '3' }] } },
    [blocks.promptTime]: { [action]: { type: 'timepicker', selected_time: '09:30' } },
    [blocks.deadlineTime]: { [action]: { type: 'timepicker', selected_time: '11:00' } },
    [blocks.reminder]: selected('45'),
    ...overrides,
  };
}

describe('Slack: /standup set-up and management', function () {
  this.timeout(60_000);
  let slack: FakeSlack;
  let server: TestServer;
  let sequence = 0;

  before(async () => {
    slack = new FakeSlack();
    slack.usergroupList.push({ id: 'S0PLATFORM', handle: 'platform', name: 'Platform team' });
    await slack.http.start();
    server = await startTestServer(import.meta.url, {
      SLACK_BOT_TOKEN: 'xoxb-e2e-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    });
  });
  after(async () => {
    await server.close();
    await slack.http.stop();
  });

  async function waitForCall(method: string, after: number): Promise<SlackCall> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const call = slack.calls(method)[after];
      if (call) return call;
      if (Date.now() > deadline) assert.fail(`no ${method} call`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const viewOf = (call: SlackCall) =>
    (typeof call.args.view === 'string' ? JSON.parse(call.args.view) : call.args.view) as SlackModalView;

  async function command(typed: string, userId = ALICE.id, slash = '/standup') {
    const id = `standup-${(sequence += 1)}`;
    const body = slashCommandBody({
      text: typed,
      responseUrl: slack.responseUrl(id),
      teamId: slack.team.id,
      command: slash,
      userId,
    });
    const response = await postToSlack(server.url, body, SIGNING_SECRET);
    assert.equal(response.status, 200);
    return id;
  }

  async function openSetup(typed: string, userId = ALICE.id, slash = '/standup'): Promise<SlackModalView> {
    const opened = slack.calls('views.open').length;
    await command(typed, userId, slash);
    const call = await waitForCall('views.open', opened);
    assert.equal(call.args.trigger_id, '13345224609.738474920.8088930838d88f008e0');
    const modal = viewOf(call);
    assertViewWithinSlackLimits(modal, 'set-up modal');
    return modal;
  }

  async function submit(modal: SlackModalView, values: Record<string, unknown>, user = ALICE) {
    const payload = viewSubmission({
      teamId: slack.team.id,
      user,
      view: modal as unknown as Record<string, unknown>,
      values: {},
    });
    (payload.view as { state: unknown }).state = { values };
    return postInteraction(server.url, SIGNING_SECRET, payload);
  }

  it('opens the set-up modal from /standup with the channel, the defaults and the workspace user groups', async () => {
    const modal = await openSetup('');
    assert.equal(modal.callback_id, 'standup_setup');
    assert.equal(modal.title.text, 'New standup');
    const json = JSON.stringify(modal.blocks);
    assert.match(json, /"initial_conversation":"C0CHANNEL"/);
    assert.match(json, /What did you do since your last standup\?/);
    assert.match(json, /@platform \(Platform team\)/);
    assert.deepEqual(JSON.parse(modal.private_metadata!), { rows: 3, channel: 'C0CHANNEL' });
  });

  it('sends a button that opens the modal when the trigger has expired', async () => {
    slack.failNext('views.open', 'expired_trigger_id');
    const reply = await slack.waitForResponse(await command(''));
    assert.equal(reply.response_type, 'ephemeral');
    assert.match(JSON.stringify(reply.blocks), new RegExp(STANDUP_SETUP_MODAL.openAction));
    const opened = slack.calls('views.open').length;
    const click = buttonClick({
      teamId: slack.team.id,
      user: ALICE,
      actionId: STANDUP_SETUP_MODAL.openAction,
      value: '{}',
      in: { channel: 'C0CHANNEL', messageTs: '1.2' },
    });
    assert.equal((await postInteraction(server.url, SIGNING_SECRET, click)).status, 200);
    const modal = viewOf(await waitForCall('views.open', opened));
    assert.equal(modal.callback_id, 'standup_setup');
    assert.equal(JSON.parse(modal.private_metadata!).channel, 'C0CHANNEL');
  });

  it('keeps the modal open with each problem under its input', async () => {
    const modal = await openSetup('standup', ALICE.id, '/em');
    const response = await submit(
      modal,
      filledValues({
        [blocks.name]: text(''),
        [blocks.choices(2)]: text('only one'),
        [blocks.usergroup]: selected('S0PLATFORM'),
      }),
    );
    assert.equal(response.status, 200);
    const body = (await response.json()) as { response_action: string; errors: Record<string, string> };
    assert.equal(body.response_action, 'errors');
    assert.deepEqual(
      Object.keys(body.errors).sort(),
      [blocks.members, blocks.name, blocks.question(2)].sort(),
    );
    assert.equal(await server.models.Standup.countDocuments({ tenantId: slack.team.id }), 0);
  });

  it('creates the standup on a valid submission and confirms privately', async () => {
    const modal = await openSetup('');
    const before = slack.calls('chat.postEphemeral').length;
    const response = await submit(modal, filledValues());
    assert.equal(response.status, 200);
    assert.equal(await response.text(), '');
    const confirmation = await waitForCall('chat.postEphemeral', before);
    assert.equal(confirmation.args.channel, 'C0CHANNEL');
    assert.equal(confirmation.args.user, ALICE.id);
    assert.match(String(confirmation.args.text), /Platform daily is set up/);
    const [stored] = await server.models.Standup.find({ tenantId: slack.team.id }).lean();
    assert.ok(stored);
    assert.equal(stored.reportChannel, 'C0PLATFORM');
    assert.deepEqual(stored.owner, { tool: 'slack', handle: ALICE.id });
    assert.deepEqual(stored.days, [1, 3]);
    assert.equal(stored.reminderMinutes, 45);
    assert.deepEqual(
      stored.questions.map((question) => [question.id, question.kind, question.blockers ?? false]),
      [
        ['q1', 'text', false],
        ['q2', 'choice', false],
        ['q3', 'text', true],
      ],
    );
  });

  it('lists it, and lets only the owner open it for editing, pre-filled with its id in the metadata', async () => {
    const list = await slack.waitForResponse(await command('list', BOB.id));
    assert.equal(list.response_type, 'ephemeral');
    assert.match(JSON.stringify(list.blocks), /Platform daily/);
    const refused = await slack.waitForResponse(await command('edit platform daily', BOB.id));
    assert.match(JSON.stringify(refused.blocks), /Only the owner can change Platform daily/);

    const modal = await openSetup('edit Platform daily');
    assert.equal(modal.title.text, 'Edit standup');
    const [stored] = await server.models.Standup.find({ tenantId: slack.team.id }).lean();
    assert.equal(JSON.parse(modal.private_metadata!).standupId, stored!._id);
    assert.match(JSON.stringify(modal.blocks), /"initial_value":"Platform daily"/);

    const updated = slack.calls('views.update').length;
    const click = buttonClick({
      teamId: slack.team.id,
      user: ALICE,
      actionId: STANDUP_SETUP_MODAL.addQuestionAction,
      value: '',
      in: { channel: 'C0CHANNEL', messageTs: '1.1' },
    });
    Object.assign(click, {
      container: { type: 'view', view_id: 'V0EDIT' },
      view: {
        id: 'V0EDIT',
        hash: '1.h',
        private_metadata: modal.private_metadata,
        state: { values: filledValues() },
      },
    });
    assert.equal((await postInteraction(server.url, SIGNING_SECRET, click)).status, 200);
    const grown = viewOf(await waitForCall('views.update', updated));
    assert.equal(JSON.parse(grown.private_metadata!).rows, 4);
    assert.ok(grown.blocks.some((block) => 'block_id' in block && block.block_id === blocks.question(4)));
    assert.match(JSON.stringify(grown.blocks), /"initial_value":"How confident are you\?"/);
  });

  it('pauses, and deletes only once confirmed', async () => {
    const paused = await slack.waitForResponse(await command('pause Platform daily'));
    assert.match(JSON.stringify(paused.blocks), /Platform daily is paused/);
    const asked = await slack.waitForResponse(await command('delete Platform daily'));
    assert.match(JSON.stringify(asked.blocks), /confirm/);
    assert.equal(await server.models.Standup.countDocuments({ tenantId: slack.team.id }), 1);
    const deleted = await slack.waitForResponse(await command('delete Platform daily confirm'));
    assert.match(JSON.stringify(deleted.blocks), /is deleted/);
    assert.equal(await server.models.Standup.countDocuments({ tenantId: slack.team.id }), 0);
  });
});
