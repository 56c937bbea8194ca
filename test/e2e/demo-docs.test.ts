import assert from 'node:assert/strict';
import { FakeBotConnector } from '../fakes/bot-connector.ts';
import { emulatorMessage } from '../support/emulator-message.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const DEPLOY_RUNBOOK = 'runbooks/deploy-to-production.md';

describe('demo mode: ask the canned team handbook (data/demo/docs), indexed for the demo tenant', function () {
  this.timeout(180_000);
  let connector: FakeBotConnector;
  let server: TestServer;

  const ask = async (text: string) => {
    const activity = emulatorMessage(connector, text);
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    assert.ok(response.ok, `status ${response.status}`);
    const post = await connector.waitForPost(activity.conversation.id);
    return JSON.stringify(post.activity.attachments?.[0]?.content);
  };

  before(async () => {
    connector = new FakeBotConnector();
    await connector.http.start();
    // No DOCS_DIR: the reindex-docs job indexes the demo handbook on start, as `npm start` does.
    server = await startTestServer(import.meta.url, {}, { demoData: true, scheduler: { processEvery: 200 } });
    const deadline = Date.now() + 60_000;
    while ((await server.models.KnowledgeDocument.countDocuments({ tenantId: 'demo' })) < 6) {
      assert.ok(Date.now() < deadline, 'the reindex-docs job did not index the demo handbook');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await server.demoLoaded();
  });
  after(async () => {
    await server.close();
    await connector.http.stop();
  });

  it('indexes the handbook with its CODEOWNERS owners, all demo people linked across tools', async () => {
    const deploy = await server.models.KnowledgeDocument.findOne({
      tenantId: 'demo',
      path: DEPLOY_RUNBOOK,
    }).lean();
    assert.deepEqual(deploy?.owners, ['@bokafor']);
    assert.deepEqual(deploy?.authors, [], "em-agent's own committers are not the demo team's authors");
    const owners = new Set(
      (await server.models.KnowledgeDocument.find({ tenantId: 'demo' }).lean()).flatMap((doc) => doc.owners),
    );
    for (const owner of owners) {
      const github = await server.models.Person.findOne({
        tenantId: 'demo',
        tool: 'github',
        handle: owner.replace(/^@/, ''),
      }).lean();
      const accounts = await server.models.Person.find({
        tenantId: 'demo',
        personId: github?.personId,
      }).lean();
      assert.deepEqual(
        accounts.map((account) => account.tool).sort(),
        ['github', 'jira', 'pagerduty', 'teams'],
        `${owner} is a demo person linked across tools`,
      );
    }
  });

  it('answers "how do we deploy to production?" citing the deploy runbook', async () => {
    const card = await ask('ask how do we deploy to production?');
    assert.doesNotMatch(card, /I don't know/);
    assert.match(card, new RegExp(`\\[1\\].*${DEPLOY_RUNBOOK.replace('.', '\\.')} lines \\d+–\\d+`));
    assert.match(card, /by merging to `main`/);
  });

  it('names the owner of the deploy runbook', async () => {
    const card = await ask('ask who owns the deploy runbook?');
    assert.match(card, new RegExp(DEPLOY_RUNBOOK.replace('.', '\\.')));
    assert.match(card, /Ben Okafor \(@bokafor\) owns this runbook/);
  });

  it('suggests the code owner when the handbook does not answer', async () => {
    const card = await ask('ask deploy zebra unicorn quartz walrus');
    assert.match(card, /I don't know/);
    assert.match(card, /"title":"@bokafor","value":"code owner of runbooks\/deploy-to-production\.md"/);
  });
});
