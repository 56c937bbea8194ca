import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { ANSWER_ACTIONS } from '../../handlers/ask/answer-actions.ts';
import { FakeBotConnector } from '../fakes/bot-connector.ts';
import { copyFixtureDocs } from '../support/docs-fixture.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const TENANT = '5d1b6a7e-1c2f-4e3a-9b8c-7d6e5f4a3b2c';

interface CardAction {
  type: string;
  verb?: string;
  data?: Record<string, string>;
}

describe('Teams: ask end to end (the re-index job, the answer card and its Action.Execute buttons)', function () {
  this.timeout(60_000);
  let connector: FakeBotConnector;
  let server: TestServer;
  let folder: string;

  const activity = (overrides: Record<string, unknown>) => {
    const id = `act-${Math.random().toString(36).slice(2)}`;
    return {
      id,
      timestamp: new Date().toISOString(),
      serviceUrl: connector.serviceUrl,
      channelId: 'msteams',
      from: { id: '29:1alice', name: 'Alice Example', aadObjectId: 'aad-alice' },
      conversation: { id: 'a:conv-ask', conversationType: 'personal', tenantId: TENANT },
      recipient: { id: '28:em-agent-bot', name: 'em-agent' },
      channelData: { tenant: { id: TENANT } },
      locale: 'en-US',
      ...overrides,
    };
  };
  const post = (body: unknown) =>
    fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  before(async () => {
    folder = await copyFixtureDocs();
    connector = new FakeBotConnector();
    await connector.http.start();
    // The scheduler runs as in production: `reindex-docs` indexes DOCS_DIR for DOCS_TENANT_ID on start.
    server = await startTestServer(
      import.meta.url,
      { DOCS_DIR: folder, DOCS_TENANT_ID: TENANT },
      { scheduler: { processEvery: 200 } },
    );
    const deadline = Date.now() + 30_000;
    while ((await server.models.KnowledgeDocument.countDocuments({ tenantId: TENANT })) < 7) {
      assert.ok(Date.now() < deadline, 'the reindex-docs job did not index the folder');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
  after(async () => {
    await server.close();
    await connector.http.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('answers `ask …` with a card citing the docs, with Action.Execute buttons, and handles them', async () => {
    const message = activity({
      type: 'message',
      text: 'ask How do I roll back a billing-api deploy?',
      textFormat: 'plain',
    });
    assert.ok((await post(message)).ok);
    const reply = await connector.waitForPost(message.conversation.id);
    const card = reply.activity.attachments?.[0]?.content as {
      body: { text?: string }[];
      actions: CardAction[];
    };
    assert.match(JSON.stringify(card.body), /--rollback/);
    assert.match(JSON.stringify(card.body), /docs\/deploy\.md lines \d+–\d+/);
    const helpful = card.actions.find((action) => action.verb === ANSWER_ACTIONS.helpful);
    assert.equal(helpful?.type, 'Action.Execute');

    const invoke = (verb: string) =>
      post(
        activity({
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb, data: helpful!.data }, trigger: 'manual' },
        }),
      );
    const voted = await invoke(ANSWER_ACTIONS.helpful);
    assert.equal(voted.status, 200);
    const body = (await voted.json()) as { statusCode: number; value: string };
    assert.equal(body.statusCode, 200);
    assert.match(body.value, /Thanks for the feedback/);
    const vote = await server.models.AnswerFeedback.findOne({ tenantId: TENANT }).lean();
    assert.equal(vote?.helpful, true);
    assert.equal(vote?.userId, 'aad-alice');

    const postsBefore = connector.http.requests.length;
    const shared = await invoke(ANSWER_ACTIONS.share);
    assert.match(((await shared.json()) as { value: string }).value, /Shared/);
    const sharedPost = connector.http.requests
      .slice(postsBefore)
      .find((request) => request.method === 'POST');
    assert.ok(sharedPost, 'the answer was posted to the conversation');
    assert.doesNotMatch(sharedPost.body, new RegExp(ANSWER_ACTIONS.share), 'no share button once shared');
  });
});
