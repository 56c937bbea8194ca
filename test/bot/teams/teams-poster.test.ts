import assert from 'node:assert/strict';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Connection } from 'mongoose';
import pino from 'pino';
import { createChatPoster } from '../../../bot/chat-poster.ts';
import type { SlackPoster } from '../../../bot/slack/slack-poster.ts';
import { createTeamsPoster } from '../../../bot/teams/teams-poster.ts';
import { defineModels, type Models } from '../../../data/models/index.ts';
import type { ChatPoster, DeliveryTarget } from '../../../handlers/delivery/types.ts';
import type { NoticeView } from '../../../handlers/types.ts';
import { FakeBotConnector } from '../../fakes/bot-connector.ts';
import { openTestDatabase } from '../../support/database.ts';

const log = pino({ level: 'silent' });
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const ALICE = 'a11ce000-0000-4000-8000-000000000001';
const PERSONAL = `a:personal-${ALICE}`;
const CHANNEL = '19:channel-standup@thread.tacv2';
const notice = (title: string): NoticeView => ({
  kind: 'notice',
  tone: 'info',
  title,
  body: `${title}, in full.`,
});
/** Quick back-offs: the statuses and the number of tries are what is under test, not the waiting. */
const FAST_RETRY = { tries: 5, baseDelayMs: 10, maxDelayMs: 40 };

describe('Chat poster on Teams (botbuilder against the connector fake)', () => {
  let connection: Connection;
  let models: Models;
  let connector: FakeBotConnector;
  let poster: ChatPoster;
  let refused: { target: DeliveryTarget; error: string }[];

  const reference = (conversationId: string, conversationType: string) => ({
    serviceUrl: connector.serviceUrl,
    channelId: 'msteams',
    bot: { id: '28:em-agent', name: 'em-agent' },
    user: { id: '29:1alice', aadObjectId: ALICE },
    conversation: { id: conversationId, conversationType, tenantId: TENANT },
    activityId: 'last-incoming-activity',
  });

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
  });
  after(() => connection.close());

  beforeEach(async () => {
    connector = new FakeBotConnector();
    await connector.http.start();
    await models.TeamsConversation.deleteMany({ tenantId: TENANT });
    await models.TeamsConversation.remember({
      tenantId: TENANT,
      conversationId: PERSONAL,
      conversationType: 'personal',
      aadObjectId: ALICE,
      reference: reference(PERSONAL, 'personal'),
    });
    await models.TeamsConversation.remember({
      tenantId: TENANT,
      conversationId: CHANNEL,
      conversationType: 'channel',
      reference: reference(CHANNEL, 'channel'),
    });
    refused = [];
    const adapter = new TeamsAdapter({});
    poster = createChatPoster({
      slack: {} as SlackPoster,
      teams: createTeamsPoster({
        adapter: () => adapter,
        conversations: models.TeamsConversation,
        log,
        retry: FAST_RETRY,
      }),
      onRefused: (_tenantId, target, error) => void refused.push({ target, error }),
      log,
    });
  });
  afterEach(() => connector.http.stop());

  const attemptsOn = (method: string, conversationId: string) =>
    connector.http.requests.filter(
      (request) =>
        request.method === method &&
        request.path.startsWith(`/v3/conversations/${encodeURIComponent(conversationId)}/activities`),
    ).length;

  it('sends a direct message as a new message in the personal chat, with the card', async () => {
    const sent = await poster.sendDirect(
      TENANT,
      { tool: 'teams', handle: ALICE.toUpperCase() },
      notice('Standup'),
    );
    const [post] = connector.posts();
    assert.deepEqual(sent, {
      ok: true,
      ref: { surface: 'teams', conversationId: PERSONAL, activityId: 'reply-1' },
    });
    assert.equal(post?.conversationId, PERSONAL);
    assert.equal(post?.replyToId, undefined, 'not a reply to the last message the bot received');
    assert.equal(post?.activity.attachments?.[0]?.contentType, 'application/vnd.microsoft.card.adaptive');
  });

  for (const status of [412, 502, 503, 504, 429]) {
    it(`retries a ${status} and the message lands once`, async () => {
      connector.failNext({ method: 'POST', conversationId: PERSONAL }, status, { times: 2 });
      const sent = await poster.sendDirect(TENANT, { tool: 'teams', handle: ALICE }, notice('Standup'));
      assert.equal(sent.ok, true);
      assert.equal(attemptsOn('POST', PERSONAL), 3);
      assert.equal(connector.posts().length, 1);
      assert.deepEqual(refused, []);
    });
  }

  it('honors Retry-After on a 429', async () => {
    connector.failNext({ method: 'POST', conversationId: PERSONAL }, 429, { retryAfterSeconds: 1 });
    const started = Date.now();
    const sent = await poster.sendDirect(TENANT, { tool: 'teams', handle: ALICE }, notice('Standup'));
    assert.equal(sent.ok, true);
    assert.ok(Date.now() - started >= 1_000, 'waited the Retry-After second');
  });

  it('gives up after five tries and reports the refusal', async () => {
    connector.failNext({ method: 'POST', conversationId: PERSONAL }, 503, { times: 5 });
    const sent = await poster.sendDirect(TENANT, { tool: 'teams', handle: ALICE }, notice('Standup'));
    assert.deepEqual(sent, { ok: false, error: 'http_503' });
    assert.equal(attemptsOn('POST', PERSONAL), 5);
    assert.equal(connector.posts().length, 0);
    assert.equal(refused.length, 1);
  });

  for (const status of [403, 404, 500]) {
    it(`refuses a ${status} at once and reports it`, async () => {
      connector.failNext({ method: 'POST', conversationId: CHANNEL }, status);
      const sent = await poster.post(TENANT, { surface: 'teams', id: CHANNEL }, notice('Report'));
      assert.deepEqual(sent, { ok: false, error: `http_${status}` });
      assert.equal(attemptsOn('POST', CHANNEL), 1);
      assert.deepEqual(refused, [
        {
          target: { kind: 'post', conversation: { surface: 'teams', id: CHANNEL } },
          error: `http_${status}`,
        },
      ]);
    });
  }

  it('refuses a person with no personal chat with the bot, without a request', async () => {
    const sent = await poster.sendDirect(
      TENANT,
      { tool: 'teams', handle: 'b0b00000-0000-4000-8000-000000000002' },
      notice('Standup'),
    );
    assert.deepEqual(sent, { ok: false, error: 'no_personal_conversation' });
    assert.equal(connector.http.requests.length, 0);
    assert.equal(refused.length, 1);
  });

  it("puts an answer in the report's channel thread and edits both in place", async () => {
    const report = await poster.post(TENANT, { surface: 'teams', id: CHANNEL }, notice('Report'));
    assert.ok(report.ok);
    const answer = await poster.post(TENANT, { surface: 'teams', id: CHANNEL }, notice('Answer'), {
      thread: report.ref,
    });
    assert.ok(answer.ok && answer.ref.surface === 'teams' && report.ref.surface === 'teams');
    const thread = `${CHANNEL};messageid=${report.ref.activityId}`;
    assert.equal(answer.ref.conversationId, thread);
    assert.deepEqual(
      connector.posts().map((post) => post.conversationId),
      [CHANNEL, thread],
    );

    connector.failNext({ method: 'PUT', conversationId: CHANNEL }, 412);
    assert.equal((await poster.update(TENANT, report.ref, notice('Report: 1 of 5'))).ok, true);
    assert.equal((await poster.update(TENANT, answer.ref, notice('Answer, edited'))).ok, true);
    assert.deepEqual(
      connector.updates().map((update) => [update.conversationId, update.activityId]),
      [
        [CHANNEL, report.ref.activityId],
        [thread, answer.ref.activityId],
      ],
    );
    assert.match(JSON.stringify(connector.updates()[0]?.activity), /1 of 5/);
  });

  it('answers an update of a message in a conversation the bot does not know with conversation_not_found', async () => {
    const ref = { surface: 'teams' as const, conversationId: '19:gone@thread.tacv2', activityId: 'x' };
    assert.deepEqual(await poster.update(TENANT, ref, notice('Report')), {
      ok: false,
      error: 'conversation_not_found',
    });
  });
});
