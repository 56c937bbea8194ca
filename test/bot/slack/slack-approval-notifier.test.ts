import assert from 'node:assert/strict';
import { WebClient } from '@slack/web-api';
import pino from 'pino';
import {
  createUsergroupMembers,
  USERGROUP_CACHE_MS,
} from '../../../bot/slack/approvals/usergroup-members.ts';
import { createSlackApprovalNotifier } from '../../../bot/slack/slack-approval-notifier.ts';
import type { Block } from '../../../cards/slack/types.ts';
import type { Approval, ApprovalNotifier, PostedMessage } from '../../../handlers/approvals/types.ts';
import { FakeSlack, type SlackCall } from '../../fakes/slack-api.ts';
import { pendingApproval } from '../../support/approval-fixture.ts';

const log = pino({ level: 'silent' });

const approval = (overrides: Partial<Approval> = {}) =>
  pendingApproval({ trace_id: 'trace-1', ...overrides });

const blocksOf = (call: SlackCall): Block[] => JSON.parse(String(call.args.blocks));

describe('Slack approval notifier', () => {
  let slack: FakeSlack;
  let client: WebClient;
  let notifier: ApprovalNotifier;

  beforeEach(async () => {
    slack = new FakeSlack();
    slack.usergroups.set('S0LEADS', ['U0ERIN', 'U0ALICE', 'U0BOB']);
    await slack.http.start();
    client = new WebClient('xoxb-notifier-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    notifier = createSlackApprovalNotifier({ client, groups: createUsergroupMembers(client, log), log });
  });
  afterEach(() => slack.http.stop());

  const inChannel = approval({ conversation: { surface: 'slack', id: 'C0ENG' } });

  it('posts a request in its Slack conversation, mentioning the user groups and Slack users only', async () => {
    const posted = await notifier.requestDecision(inChannel, {
      occasion: 'request',
      users: ['slack:U0BOB', 'teams:0d9f1c3e-aaaa-4bbb-8ccc-123456789abc'],
      slackGroups: ['S0LEADS'],
    });
    const [call] = slack.calls('chat.postMessage');
    assert.equal(call?.args.channel, 'C0ENG');
    assert.equal(posted.length, 1);
    assert.equal(posted[0]?.surface, 'slack');
    assert.equal(posted[0]?.conversation, 'C0ENG');
    assert.match(posted[0]?.messageId ?? '', /^\d+\.\d+$/);
    const lead = blocksOf(call!)[0];
    assert.ok(lead?.type === 'section');
    assert.equal(lead.text.text, '<!subteam^S0LEADS> <@U0BOB> Your decision is needed.');
    assert.match(
      String(call?.args.text),
      /^<!subteam\^S0LEADS> <@U0BOB> Your decision is needed\. Approval needed/,
    );
    assert.equal(slack.calls('usergroups.users.list').length, 0, 'a mention needs no member list');
  });

  it('threads reminders and escalations under the first request in the conversation', async () => {
    const [first] = await notifier.requestDecision(inChannel, {
      occasion: 'request',
      users: [],
      slackGroups: ['S0LEADS'],
    });
    const withMessage = { ...inChannel, messages: [first!] };
    await notifier.requestDecision(withMessage, {
      occasion: 'escalation',
      users: ['slack:U0CTO'],
      slackGroups: [],
    });
    const escalation = slack.calls('chat.postMessage')[1];
    assert.equal(escalation?.args.thread_ts, first?.messageId);
    assert.match(JSON.stringify(blocksOf(escalation!)[0]), /<@U0CTO> Escalated: no one decided in time/);
  });

  it('falls back to direct messages when the bot cannot post in the conversation', async () => {
    slack.channelsWithoutBot.add('C0ENG');
    const posted = await notifier.requestDecision(inChannel, {
      occasion: 'request',
      users: [],
      slackGroups: ['S0LEADS'],
    });
    assert.deepEqual(posted.map((message) => message.conversation).sort(), ['D0BOB', 'D0ERIN']);
  });

  it('sends reminders by direct message with a note on top, skipping the requester and other surfaces', async () => {
    const posted = await notifier.requestDecision(approval(), {
      occasion: 'reminder',
      users: ['slack:U0ALICE', 'slack:U0BOB', 'teams:0d9f1c3e-aaaa-4bbb-8ccc-123456789abc'],
      slackGroups: ['S0LEADS'],
    });
    assert.deepEqual(posted.map((message) => message.conversation).sort(), ['D0BOB', 'D0ERIN']);
    for (const call of slack.calls('chat.postMessage')) {
      assert.match(JSON.stringify(blocksOf(call)[0]), /Reminder: this is still waiting for a decision\./);
    }
  });

  it('asks only the requester to confirm a request in mode ask', async () => {
    const posted = await notifier.requestDecision(approval({ mode: 'ask' }), {
      occasion: 'request',
      users: ['slack:U0ALICE'],
      slackGroups: [],
    });
    assert.deepEqual(
      posted.map((message) => message.conversation),
      ['D0ALICE'],
    );
    assert.match(String(slack.calls('chat.postMessage')[0]?.args.blocks), /"Confirm"/);
  });

  it('refreshes every Slack message of an approval, without buttons once closed, and leaves Teams alone', async () => {
    const messages: PostedMessage[] = await notifier.requestDecision(approval(), {
      occasion: 'request',
      users: ['slack:U0BOB', 'slack:U0CAROL'],
      slackGroups: [],
    });
    const closed = approval({
      status: 'declined',
      decided_by: 'slack:U0BOB',
      reason: 'not now',
      messages: [...messages, { surface: 'teams', conversation: '19:abc', messageId: '1' }],
    });
    await notifier.refresh(closed);
    const updates = slack.calls('chat.update');
    assert.deepEqual(
      updates.map((call) => [call.args.channel, call.args.ts]).sort(),
      messages.map((message) => [message.conversation, message.messageId]).sort(),
    );
    for (const update of updates) {
      assert.equal(blocksOf(update).filter((block) => block.type === 'actions').length, 0);
      assert.match(JSON.stringify(blocksOf(update)), /Declined\* by <@U0BOB>: not now\./);
    }
  });

  it('reports a message Slack no longer has, after updating the others', async () => {
    const [message] = await notifier.requestDecision(approval(), {
      occasion: 'request',
      users: ['slack:U0BOB'],
      slackGroups: [],
    });
    const gone: PostedMessage = { surface: 'slack', conversation: 'D0GONE', messageId: '1.000' };
    await assert.rejects(notifier.refresh(approval({ messages: [gone, message!] })), /message_not_found/);
    assert.equal(slack.calls('chat.update').length, 2);
  });

  it('tells the requester in the request thread, by direct message, or not at all', async () => {
    const [parent] = await notifier.requestDecision(inChannel, {
      occasion: 'request',
      users: [],
      slackGroups: [],
    });
    await notifier.tellRequester({ ...inChannel, messages: [parent!] }, 'Done: deploy.tag <v1> & more');
    await notifier.tellRequester(approval(), 'Done in a DM');
    await notifier.tellRequester(approval({ requester: 'api:release-bot' }), 'nobody to tell');
    await notifier.tellRequester(
      approval({
        requester: 'teams:0d9f1c3e-aaaa-4bbb-8ccc-123456789abc',
        conversation: { surface: 'teams', id: '19:x' },
      }),
      'Teams tells this one',
    );
    const told = slack.calls('chat.postMessage').slice(1);
    assert.deepEqual(
      told.map((call) => [call.args.channel, call.args.thread_ts, call.args.text]),
      [
        ['C0ENG', parent?.messageId, '<@U0ALICE> Done: deploy.tag &lt;v1&gt; &amp; more'],
        ['U0ALICE', undefined, 'Done in a DM'],
      ],
    );
  });
});

describe('Slack user group members', () => {
  let slack: FakeSlack;
  before(async () => {
    slack = new FakeSlack();
    slack.usergroups.set('S0LEADS', ['U0ERIN']);
    await slack.http.start();
  });
  after(() => slack.http.stop());

  it('asks Slack once a minute per group, and again after a failed lookup', async () => {
    let now = 0;
    const client = new WebClient('xoxb-groups-test', {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
    });
    const groups = createUsergroupMembers(client, log, () => now);
    const [first, second] = await Promise.all([groups.membersOf('S0LEADS'), groups.membersOf('S0LEADS')]);
    assert.deepEqual([...first], ['U0ERIN']);
    assert.equal(first, second);
    assert.equal(slack.calls('usergroups.users.list').length, 1);
    now += USERGROUP_CACHE_MS;
    slack.usergroups.set('S0LEADS', ['U0ERIN', 'U0FRANK']);
    assert.deepEqual([...(await groups.membersOf('S0LEADS'))], ['U0ERIN', 'U0FRANK']);

    assert.deepEqual([...(await groups.membersOf('S0GONE'))], []);
    assert.deepEqual([...(await groups.membersOf('S0GONE'))], []);
    assert.equal(
      slack.calls('usergroups.users.list').filter((call) => call.args.usergroup === 'S0GONE').length,
      2,
    );
  });
});
