import assert from 'node:assert/strict';
import { formatUsage } from '../../handlers/catalog.ts';
import { COMMANDS } from '../../handlers/run-command.ts';
import { FakeBotConnector } from '../fakes/bot-connector.ts';
import { otherPrivateKey } from '../fakes/bot-framework-keys.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/** A message activity shaped as Teams sends it to a bot (personal chat unless a conversation is given). */
function teamsMessage(connector: FakeBotConnector, text: string, overrides: Record<string, unknown> = {}) {
  const id = `act-${Math.random().toString(36).slice(2)}`;
  return {
    type: 'message',
    id,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    serviceUrl: connector.serviceUrl,
    channelId: 'msteams',
    from: { id: '29:1alice', name: 'Alice Example', aadObjectId: 'aad-alice' },
    conversation: { id: `a:conv-${id}`, conversationType: 'personal', tenantId: TENANT },
    recipient: { id: '28:em-agent-bot', name: 'em-agent' },
    text,
    textFormat: 'plain',
    locale: 'en-US',
    channelData: { tenant: { id: TENANT } },
    ...overrides,
  };
}

function postActivity(server: TestServer, activity: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
}

async function reasonOf(response: Response): Promise<string> {
  return ((await response.json()) as { error: { message: string } }).error.message;
}

function cardOf(post: Awaited<ReturnType<FakeBotConnector['waitForPost']>>) {
  const attachment = post.activity.attachments?.[0];
  assert.equal(attachment?.contentType, 'application/vnd.microsoft.card.adaptive');
  return attachment.content as { version: string; body: unknown[]; actions?: { data: unknown }[] };
}

describe('Teams: help end to end (Emulator-style, no app credentials: demo mode)', () => {
  let connector: FakeBotConnector;
  let server: TestServer;

  before(async () => {
    connector = new FakeBotConnector();
    await connector.http.start();
    server = await startTestServer(import.meta.url);
  });
  after(async () => {
    await server.close();
    await connector.http.stop();
  });

  it('answers "help" with an Adaptive Card 1.5 listing every command, as a reply to the message', async () => {
    const activity = teamsMessage(connector, 'help');
    const response = await postActivity(server, activity);
    assert.ok(response.status >= 200 && response.status < 300, `status ${response.status}`);
    const post = await connector.waitForPost(activity.conversation.id);
    assert.equal(post.replyToId, activity.id);
    const card = cardOf(post);
    assert.equal(card.version, '1.5');
    const text = JSON.stringify(card.body);
    for (const command of COMMANDS) {
      const usage = formatUsage('teams', command.name, command.argsHint);
      assert.ok(text.includes(`"title":${JSON.stringify(usage)}`), command.name);
    }
    // Without app credentials the server is in demo mode: whatever tenant an activity carries, the demo serves it.
    assert.equal(await server.models.Tenant.countDocuments({ tenantId: 'demo' }), 1);
    assert.equal(await server.models.Tenant.countDocuments({ tenantId: TENANT }), 0);
  });

  it('strips the @mention in a channel and offers a button for a mistyped command', async () => {
    const activity = teamsMessage(connector, '<at>em-agent</at> hlep', {
      conversation: { id: '19:channel@thread.tacv2', conversationType: 'channel', tenantId: TENANT },
      entities: [
        {
          type: 'mention',
          text: '<at>em-agent</at>',
          mentioned: { id: '28:em-agent-bot', name: 'em-agent' },
        },
      ],
    });
    await postActivity(server, activity);
    const card = cardOf(await connector.waitForPost('19:channel@thread.tacv2'));
    assert.match(JSON.stringify(card.body), /I don't know \\"hlep\\" yet/);
    assert.deepEqual(card.actions?.[0]?.data, { msteams: { type: 'imBack', value: 'help' } });
  });

  it('greets with the help card when the bot is installed', async () => {
    const activity = {
      ...teamsMessage(connector, ''),
      type: 'conversationUpdate',
      membersAdded: [{ id: '28:em-agent-bot' }],
    };
    delete (activity as { text?: string }).text;
    await postActivity(server, activity);
    const card = cardOf(await connector.waitForPost(activity.conversation.id));
    assert.match(JSON.stringify(card.body), /em-agent commands/);
  });

  it('files Emulator messages without a tenant under the demo tenant', async () => {
    const activity = teamsMessage(connector, 'help', {
      channelId: 'emulator',
      conversation: { id: 'emulator-conv' },
      channelData: {},
    });
    await postActivity(server, activity);
    await connector.waitForPost('emulator-conv');
    assert.equal(await server.models.Tenant.countDocuments({ tenantId: 'demo' }), 1);
  });

  it('refuses malformed JSON with a clear 400 and oversized bodies with 413', async () => {
    const malformed = await postActivity(server, '{"type": "message", ');
    assert.equal(malformed.status, 400);
    assert.deepEqual(await malformed.json(), {
      error: { code: 'bad_request', message: 'Request body is not valid JSON.' },
    });
    const huge = await postActivity(server, teamsMessage(connector, 'x'.repeat(1_100_000)));
    assert.equal(huge.status, 413);
    for (const notAnActivity of [{}, [], { type: 7 }]) {
      const response = await postActivity(server, notAnActivity);
      assert.equal(response.status, 400, JSON.stringify(notAnActivity));
      assert.match(((await response.json()) as { error: { message: string } }).error.message, /"type"/);
    }
  });

  it('answers 400 with a short reason to an activity missing required fields: no 500, no internal error text', async () => {
    const bare = await postActivity(server, { type: 'message' });
    assert.equal(bare.status, 400);
    const { error } = (await bare.json()) as { error: { code: string; message: string } };
    assert.equal(error.code, 'bad_request');
    assert.equal(error.message, 'Not a Bot Framework activity: "serviceUrl" expected an http(s) URL.');
    const { conversation: _dropped, ...withoutConversation } = teamsMessage(connector, 'help');
    const missing = await postActivity(server, withoutConversation);
    assert.equal(missing.status, 400);
    assert.match(await reasonOf(missing), /"conversation" is required/);
    const noUserId = await postActivity(
      server,
      teamsMessage(connector, 'help', { from: { name: 'Nobody' } }),
    );
    assert.match(await reasonOf(noUserId), /"from.id" is required/);
    assert.equal(connector.posts().filter((post) => post.conversationId === undefined).length, 0);
  });

  it('replies only to a serviceUrl on this machine, since demo mode takes unsigned activities', async () => {
    const before = connector.posts().length;
    const elsewhere = teamsMessage(connector, 'help', { serviceUrl: 'https://smba.example.net/emea/' });
    const response = await postActivity(server, elsewhere);
    assert.equal(response.status, 403);
    assert.match(await reasonOf(response), /DEMO_SERVICE_URLS/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(connector.posts().length, before);
  });
});

describe('Teams: with app credentials, only Bot Framework-signed activities are served', () => {
  const appId = '00000000-0000-0000-0000-00000000b07a';
  let connector: FakeBotConnector;
  let server: TestServer;

  before(async () => {
    connector = new FakeBotConnector();
    await connector.http.start();
    server = await startTestServer(import.meta.url, {
      MICROSOFT_APP_ID: appId,
      MICROSOFT_APP_PASSWORD: 'not-a-real-password',
      MICROSOFT_BOT_OPENID_METADATA: connector.openIdMetadataUrl,
    });
  });
  after(async () => {
    await server.close();
    await connector.http.stop();
  });

  it('answers 401 to an activity without a JWT and posts nothing', async () => {
    const activity = teamsMessage(connector, 'help');
    const response = await postActivity(server, activity);
    assert.equal(response.status, 401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(connector.posts().length, 0);
    assert.equal(await server.models.Tenant.countDocuments({ tenantId: TENANT }), 0);
  });

  it('answers 401 to a JWT signed with a key the Bot Framework does not publish', async () => {
    const activity = teamsMessage(connector, 'help');
    const forged = connector.keys.token(
      { audience: appId, serviceUrl: connector.serviceUrl },
      otherPrivateKey(),
    );
    const response = await postActivity(server, activity, { authorization: `Bearer ${forged}` });
    assert.equal(response.status, 401);
    assert.equal(connector.posts().length, 0);
  });

  it('answers 401 to a genuine JWT issued for another bot', async () => {
    const activity = teamsMessage(connector, 'help');
    const token = connector.keys.token({ audience: 'another-bot-id', serviceUrl: connector.serviceUrl });
    const response = await postActivity(server, activity, { authorization: `Bearer ${token}` });
    assert.equal(response.status, 401);
  });

  it('answers 400 to an activity missing required fields before looking at its token', async () => {
    const response = await postActivity(server, { type: 'message', serviceUrl: connector.serviceUrl });
    assert.equal(response.status, 400);
    assert.match(await reasonOf(response), /"channelId" is required/);
  });

  it('accepts an activity with a valid JWT for this bot', async () => {
    // A typing indicator needs no reply, so no outbound token from Entra ID is needed here.
    const activity = { ...teamsMessage(connector, ''), type: 'typing' };
    const token = connector.keys.token({ audience: appId, serviceUrl: connector.serviceUrl });
    const response = await postActivity(server, activity, { authorization: `Bearer ${token}` });
    assert.ok(response.status >= 200 && response.status < 300, `status ${response.status}`);
  });
});
