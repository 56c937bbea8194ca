import assert from 'node:assert/strict';
import pino from 'pino';
import { createChatPoster } from '../../../bot/chat-poster.ts';
import {
  createPostingClient,
  createSlackPoster,
  DELIVERY_EVENT_TYPE,
} from '../../../bot/slack/slack-poster.ts';
import type { TeamsPoster } from '../../../bot/teams/teams-poster.ts';
import type { ChatPoster, DeliveryTarget } from '../../../handlers/delivery/types.ts';
import type { NoticeView } from '../../../handlers/types.ts';
import { FakeSlack } from '../../fakes/slack-api.ts';

const log = pino({ level: 'silent' });
const TENANT = 'T0EMAGENT';
const notice = (title: string): NoticeView => ({
  kind: 'notice',
  tone: 'info',
  title,
  body: `${title}, in full.`,
});
const noTeams = {} as TeamsPoster;

describe('Chat poster on Slack (the real Web API client against the fake)', () => {
  let slack: FakeSlack;
  let poster: ChatPoster;
  let refused: { tenantId: string; target: DeliveryTarget; error: string }[];

  beforeEach(async () => {
    slack = new FakeSlack();
    await slack.http.start();
    refused = [];
    const client = createPostingClient({ botToken: 'xoxb-poster-test', apiUrl: slack.apiUrl }, log);
    poster = createChatPoster({
      slack: createSlackPoster(client, { log }),
      teams: noTeams,
      onRefused: (tenantId, target, error) => void refused.push({ tenantId, target, error }),
      log,
    });
  });
  afterEach(() => slack.http.stop());

  it('sends a direct message to the user id and answers the direct-message channel and ts', async () => {
    const sent = await poster.sendDirect(TENANT, { tool: 'slack', handle: 'U0ALICE' }, notice('Standup'));
    assert.deepEqual(sent, {
      ok: true,
      ref: { surface: 'slack', channel: 'D0ALICE', ts: slack.posts()[0]!.ts },
    });
    assert.equal(slack.calls('chat.postMessage')[0]?.args.channel, 'U0ALICE');
  });

  it('waits out a 429 for its Retry-After, retries, and the message lands once', async () => {
    slack.rateLimitNext('chat.postMessage', 1);
    const started = Date.now();
    const sent = await poster.post(TENANT, { surface: 'slack', id: 'C0TEAM' }, notice('Report'));
    assert.equal(sent.ok, true);
    assert.ok(Date.now() - started >= 1_000, 'waited the Retry-After second');
    assert.equal(slack.calls('chat.postMessage').length, 2);
    assert.deepEqual(slack.postCounts(), new Map([['C0TEAM', 1]]));
    assert.deepEqual(refused, []);
  });

  it('refuses channel_not_found at once, without a retry, and reports it', async () => {
    slack.missingChannels.add('C0SECRET');
    const sent = await poster.post(TENANT, { surface: 'slack', id: 'C0SECRET' }, notice('Report'));
    assert.deepEqual(sent, { ok: false, error: 'channel_not_found' });
    assert.equal(slack.calls('chat.postMessage').length, 1);
    assert.deepEqual(refused, [
      {
        tenantId: TENANT,
        target: { kind: 'post', conversation: { surface: 'slack', id: 'C0SECRET' } },
        error: 'channel_not_found',
      },
    ]);
  });

  it('does not retry an HTTP error either: the post may have landed, and a second would double it', async () => {
    slack.failNext('chat.postMessage', 503);
    const sent = await poster.sendDirect(TENANT, { tool: 'slack', handle: 'U0BOB' }, notice('Standup'));
    assert.deepEqual(sent, { ok: false, error: 'http_503' });
    assert.equal(slack.calls('chat.postMessage').length, 1);
    assert.equal(refused.length, 1);
  });

  it('puts a reply in the thread of its parent and edits a message in place', async () => {
    const parent = await poster.post(TENANT, { surface: 'slack', id: 'C0TEAM' }, notice('Report'));
    assert.ok(parent.ok);
    const reply = await poster.post(TENANT, { surface: 'slack', id: 'C0TEAM' }, notice('Answer'), {
      thread: parent.ref,
    });
    assert.ok(reply.ok && reply.ref.surface === 'slack' && parent.ref.surface === 'slack');
    assert.equal(slack.posts()[1]?.threadTs, parent.ref.ts);

    const updated = await poster.update(TENANT, parent.ref, notice('Report: 3 of 5 answered'));
    assert.deepEqual(updated, { ok: true, ref: parent.ref });
    const [edit] = slack.calls('chat.update');
    assert.equal(edit?.args.ts, parent.ref.ts);
    assert.match(String(edit?.args.text), /3 of 5 answered/);
  });

  it('keeps posts in one channel a second apart, so a burst of thread replies is never refused', async () => {
    await slack.http.stop();
    slack = new FakeSlack({ postLimits: { perChannel: 1, workspacePerSecond: 50 } });
    await slack.http.start();
    const client = createPostingClient({ botToken: 'xoxb-poster-test', apiUrl: slack.apiUrl }, log);
    const paced = createSlackPoster(client, { log });
    const sent = await Promise.all(['a', 'b', 'c'].map((title) => paced.post('C0TEAM', notice(title))));
    assert.ok(sent.every((delivery) => delivery.ok));
    assert.equal(slack.rateLimitedCount, 0);
    assert.deepEqual(slack.postCounts(), new Map([['C0TEAM', 3]]));
  });

  it("carries a direct message's delivery key in its metadata, and finds it in the DM by that key", async () => {
    const alice = { tool: 'slack' as const, handle: 'U0ALICE' };
    const key = 'st_1|2026-12-02|prompt|slack:U0ALICE';
    const sent = await poster.sendDirect(TENANT, alice, notice('Standup'), { key });
    await poster.sendDirect(TENANT, alice, notice('Unkeyed'));
    assert.deepEqual(slack.posts()[0]?.metadata, {
      event_type: DELIVERY_EVENT_TYPE,
      event_payload: { key },
    });
    assert.equal(slack.posts()[1]?.metadata, undefined);
    assert.ok(sent.ok);
    assert.deepEqual(await poster.findSent!(TENANT, alice, key), sent.ref);
    assert.equal(await poster.findSent!(TENANT, alice, 'st_1|2026-12-03|prompt|slack:U0ALICE'), undefined);
    assert.equal(await poster.findSent!(TENANT, { tool: 'slack', handle: 'U0BOB' }, key), undefined);
    const [opened] = slack.calls('conversations.open');
    assert.equal(opened?.args.users, 'U0ALICE');
    const history = slack.calls('conversations.history')[0]?.args;
    assert.deepEqual(
      [history?.channel, history?.include_all_metadata, history?.limit],
      ['D0ALICE', 'true', '20'],
    );
  });

  it('cannot tell a message was sent when Slack will not show the DM, or on Teams: undefined, so it is sent', async () => {
    const alice = { tool: 'slack' as const, handle: 'U0ALICE' };
    const key = 'st_1|2026-12-02|prompt|slack:U0ALICE';
    await poster.sendDirect(TENANT, alice, notice('Standup'), { key });
    slack.failNext('conversations.history', 'missing_scope');
    assert.equal(await poster.findSent!(TENANT, alice, key), undefined);
    assert.equal(await poster.findSent!(TENANT, { tool: 'teams', handle: 'aad-alice' }, key), undefined);
  });

  it('refuses Slack deliveries when Slack is not configured', async () => {
    const teamsOnly = createChatPoster({ teams: noTeams, log });
    const sent = await teamsOnly.sendDirect(TENANT, { tool: 'slack', handle: 'U0ALICE' }, notice('Standup'));
    assert.deepEqual(sent, { ok: false, error: 'slack_not_configured' });
  });
});
