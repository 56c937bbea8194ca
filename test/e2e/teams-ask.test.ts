import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { ANSWER_ACTIONS } from '../../handlers/ask/answer-actions.ts';
import { STALE_DOCS_DIGEST_JOB } from '../../jobs/stale-docs-digest.ts';
import { FakeBotConnector } from '../fakes/bot-connector.ts';
import { copyFixtureDocs } from '../support/docs-fixture.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** The Teams tenant the activities carry; without app credentials (demo mode) the demo tenant serves them. */
const TEAMS_TENANT = '5d1b6a7e-1c2f-4e3a-9b8c-7d6e5f4a3b2c';
const TENANT = 'demo';

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
      conversation: { id: 'a:conv-ask', conversationType: 'personal', tenantId: TEAMS_TENANT },
      recipient: { id: '28:em-agent-bot', name: 'em-agent' },
      channelData: { tenant: { id: TEAMS_TENANT } },
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

  it('"Ask @alice" sends her the question in her personal chat once her GitHub login is linked', async () => {
    // Alice links her GitHub login from her personal chat with the bot (which the bot remembers).
    const link = activity({ type: 'message', text: 'link github alice', textFormat: 'plain' });
    assert.ok((await post(link)).ok);
    await connector.waitForPost('a:conv-ask');

    const bob = {
      from: { id: '29:1bob', name: 'Bob Example', aadObjectId: 'aad-bob' },
      conversation: { id: 'a:conv-bob', conversationType: 'personal', tenantId: TEAMS_TENANT },
    };
    const question = activity({ ...bob, type: 'message', text: 'ask deploy zebra unicorn quartz walrus' });
    assert.ok((await post(question)).ok);
    const reply = await connector.waitForPost('a:conv-bob');
    const card = reply.activity.attachments?.[0]?.content as { actions: CardAction[] };
    const askAlice = card.actions.find(
      (action) => action.verb === ANSWER_ACTIONS.askPerson && action.data?.person === '@alice',
    );
    assert.ok(askAlice, 'an Ask @alice button');
    const toAliceBefore = connector.posts().filter((sent) => sent.conversationId === 'a:conv-ask').length;
    const invoked = await post(
      activity({
        ...bob,
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: { type: 'Action.Execute', verb: askAlice.verb, data: askAlice.data },
          trigger: 'manual',
        },
      }),
    );
    assert.match(((await invoked.json()) as { value: string }).value, /Sent to @alice/);
    const toAlice = connector.posts().filter((sent) => sent.conversationId === 'a:conv-ask');
    assert.equal(toAlice.length, toAliceBefore + 1);
    const dm = JSON.stringify(toAlice.at(-1)!.activity);
    assert.match(dm, /Bob Example has a question for you/);
    assert.match(dm, /deploy zebra unicorn quartz walrus/);
    assert.match(dm, /docs\/deploy\.md/);
  });

  it('sends the stale-docs digest to a linked owner in Teams; unlinked owners stay undelivered, never lost', async () => {
    const documents = await server.models.KnowledgeDocument.find({ tenantId: TENANT }).lean();
    const deploy = documents.find((document) => document.path === 'docs/deploy.md')!;
    const failover = documents.find((document) => document.path === 'runbooks/database-failover.md')!;
    const answerId = '00000000-0000-4000-8000-0000000000aa';
    await server.models.AnswerRecord.create({
      _id: answerId,
      tenantId: TENANT,
      userId: 'aad-bob',
      mode: 'extractive',
      citations: [deploy, failover].map((document) => ({
        source: document.source,
        path: document.path,
        url: `file:///${document.path}#L1-L5`,
        updatedAt: new Date(Date.now() - 400 * 86_400_000),
      })),
      view: { kind: 'answer' },
      createdAt: new Date(),
    });
    await server.models.AnswerFeedback.create({
      tenantId: TENANT,
      answerId,
      userId: 'aad-carol',
      helpful: false,
      sources: [{ source: deploy.source, path: deploy.path }],
      createdAt: new Date(),
    });
    const toAlice = () => connector.posts().filter((sent) => sent.conversationId === 'a:conv-ask');
    const before = toAlice().length;
    const runDigestJob = async () => {
      const runs = async () =>
        (await server.metrics.jobRuns.get()).values.find(
          (value) => value.labels.job === STALE_DOCS_DIGEST_JOB && value.labels.outcome === 'success',
        )?.value ?? 0;
      const done = await runs();
      await server.scheduler.agenda.now(STALE_DOCS_DIGEST_JOB);
      const deadline = Date.now() + 15_000;
      while ((await runs()) <= done) {
        assert.ok(Date.now() < deadline, 'the digest job did not run');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };

    await runDigestJob();
    assert.equal(toAlice().length, before + 1);
    assert.match(JSON.stringify(toAlice().at(-1)!.activity), /1 doc you own need a look/);
    const digests = await server.models.StaleDocsDigest.find({ tenantId: TENANT }).lean();
    const byOwner = new Map(digests.map((digest) => [digest.owner, digest]));
    assert.equal(byOwner.get('@alice')?.delivery?.to, 'teams:aad-alice');
    assert.ok(byOwner.get('@alice')?.deliveredAt);
    assert.equal(byOwner.get('@bob')?.delivery?.status, 'undelivered');
    assert.match(
      String(byOwner.get('@bob')?.delivery?.reason),
      /no chat account linked and no DOCS_DIGEST_CHANNEL/,
    );
    assert.ok(!byOwner.get('@bob')?.deliveredAt, 'kept for the next run');

    await runDigestJob();
    assert.equal(toAlice().length, before + 1, 'a second run sends nothing new');
    const retried = await server.models.StaleDocsDigest.findOne({ tenantId: TENANT, owner: '@bob' }).lean();
    assert.ok(
      retried!.delivery!.at > byOwner.get('@bob')!.delivery!.at,
      'the undelivered digest was tried again',
    );
  });
});
