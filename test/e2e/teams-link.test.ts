import assert from 'node:assert/strict';
import { createIdentityDirectory } from '../../data/identity/mongo-identity-directory.ts';
import { FakeBotConnector } from '../fakes/bot-connector.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** The Teams tenant the activities carry; without app credentials (demo mode) the demo tenant serves them. */
const TEAMS_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const TENANT = 'demo';
const CONVERSATION = 'a:personal-chat-with-alice';

/** A personal-chat message as Teams sends it (Emulator-style: no app credentials, so no JWT). */
function teamsMessage(
  connector: FakeBotConnector,
  text: string,
  from = { id: '29:1alice', name: 'Alice Example', aadObjectId: 'aad-alice' },
) {
  return {
    type: 'message',
    id: `act-${Math.random().toString(36).slice(2)}`,
    timestamp: new Date().toISOString(),
    serviceUrl: connector.serviceUrl,
    channelId: 'msteams',
    from,
    conversation: { id: CONVERSATION, conversationType: 'personal', tenantId: TEAMS_TENANT },
    recipient: { id: '28:em-agent-bot', name: 'em-agent' },
    text,
    channelData: { tenant: { id: TEAMS_TENANT } },
  };
}

describe('Teams: link <tool> <handle> end to end, and the directory email links the rest', () => {
  let connector: FakeBotConnector;
  let server: TestServer;

  async function send(text: string, from?: Parameters<typeof teamsMessage>[2]) {
    const before = connector.posts().filter((post) => post.conversationId === CONVERSATION).length;
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(teamsMessage(connector, text, from)),
    });
    assert.ok(response.status >= 200 && response.status < 300, `status ${response.status}`);
    // The turn (reply included) is over when the adapter answers.
    const posts = connector.posts().filter((post) => post.conversationId === CONVERSATION);
    assert.equal(posts.length, before + 1);
    return JSON.stringify(posts.at(-1)!.activity.attachments?.[0]?.content);
  }
  const account = (tool: string, handle: string) =>
    server.models.Person.findOne({ tenantId: TENANT, _id: `${TENANT}|${tool}|${handle}` }).lean();

  before(async () => {
    connector = new FakeBotConnector();
    await connector.http.start();
    connector.addMember(CONVERSATION, {
      id: '29:1alice',
      name: 'Alice Example',
      aadObjectId: 'aad-alice',
      userRole: 'user',
      email: 'Alice@contoso.example',
      userPrincipalName: 'alice@contoso.example',
    });
    server = await startTestServer(import.meta.url);
    // Alice's Jira account, seen earlier with the email Jira verified.
    await createIdentityDirectory(server.models.Person).recordEmail(
      TENANT,
      { tool: 'jira', handle: 'JALICE' },
      'alice@contoso.example',
    );
  });
  after(async () => {
    await server.close();
    await connector.http.stop();
  });

  it('links a GitHub login typed in Teams to the sender, by hand', async () => {
    const card = await send('link github alice-gh');
    assert.match(card, /"Linked"/);
    assert.match(card, /github alice-gh is now known as you/);
    const github = await account('github', 'alice-gh');
    assert.equal(github?.personId, 'teams:aad-alice');
    assert.equal(github?.linkedBy, 'manual');
  });

  it("records the sender's directory email from the roster and links her Jira account by it", async () => {
    const teams = await account('teams', 'aad-alice');
    assert.equal(teams?.verifiedEmail, 'alice@contoso.example');
    const jira = await account('jira', 'JALICE');
    assert.equal(jira?.personId, 'teams:aad-alice');
    assert.equal(jira?.linkedBy, 'email');
    const card = await send('link');
    assert.match(card, /Linked to you: .*github alice-gh/);
    assert.match(card, /jira JALICE/);
  });

  it('refuses to move an account someone else linked by hand', async () => {
    const card = await send('link github alice-gh', { id: '29:1bob', name: 'Bob', aadObjectId: 'aad-bob' });
    assert.match(card, /Already linked to someone else/);
    assert.equal((await account('github', 'alice-gh'))?.personId, 'teams:aad-alice');
    // Bob is not in the roster: no email, no automatic link, and the command still answered.
    assert.equal((await account('teams', 'aad-bob'))?.verifiedEmail, undefined);
  });
});
