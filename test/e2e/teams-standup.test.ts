import assert from 'node:assert/strict';
import { STANDUP_SETUP_INPUTS, STANDUP_SETUP_VERBS } from '../../cards/teams/standup-setup-card.ts';
import type { AdaptiveCard } from '../../cards/teams/types.ts';
import { createIdentityDirectory } from '../../data/identity/mongo-identity-directory.ts';
import { FakeBotConnector } from '../fakes/bot-connector.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { adaptiveCardProblems } from '../support/validate-cards.ts';

/** Without app credentials (demo mode) the demo tenant serves every activity. */
const TENANT = 'demo';
const CHAT = '19:standup-chat@thread.v2';
const ALICE = { id: '29:1alice', name: 'Alice Example', aadObjectId: 'a11ce000-0000-4000-8000-000000000001' };
const BEN = { id: '29:1ben', name: 'Ben Example', aadObjectId: 'b0b00000-0000-4000-8000-000000000002' };

describe('Teams: standup set-up card end to end (demo mode)', function () {
  this.timeout(60_000);
  let connector: FakeBotConnector;
  let server: TestServer;

  before(async () => {
    connector = new FakeBotConnector();
    await connector.http.start();
    server = await startTestServer(import.meta.url, {}, { demoData: false });
    for (const person of [ALICE, BEN]) connector.addMember(CHAT, { ...person, userRole: 'user' });
    await createIdentityDirectory(server.models.Person).recordEmail(
      TENANT,
      { tool: 'teams', handle: BEN.aadObjectId },
      'ben@contoso.example',
    );
  });
  after(async () => {
    await server.close();
    await connector.http.stop();
  });

  const activity = (from = ALICE) => ({
    id: `act-${Math.random().toString(36).slice(2)}`,
    timestamp: new Date().toISOString(),
    serviceUrl: connector.serviceUrl,
    channelId: 'msteams',
    from,
    conversation: { id: CHAT, conversationType: 'groupChat', isGroup: true },
    recipient: { id: '28:em-agent-bot', name: 'em-agent' },
    locale: 'en-US',
    channelData: {},
  });

  const post = (body: unknown) =>
    fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  async function say(text: string, from = ALICE): Promise<AdaptiveCard> {
    const before = connector.posts().length;
    const response = await post({ ...activity(from), type: 'message', text });
    assert.ok(response.status < 300, `status ${response.status}`);
    const deadline = Date.now() + 5_000;
    while (connector.posts().length <= before) {
      if (Date.now() > deadline) assert.fail('no reply');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return connector.posts().at(-1)!.activity.attachments![0]!.content as unknown as AdaptiveCard;
  }

  async function execute(verb: string, data: Record<string, string>, from = ALICE) {
    const response = await post({
      ...activity(from),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { type: string; value: unknown };
    return body.type === 'application/vnd.microsoft.card.adaptive'
      ? { card: body.value as AdaptiveCard }
      : { message: body.value as string };
  }

  const inputs = STANDUP_SETUP_INPUTS;
  const filled = (overrides: Record<string, string> = {}) => ({
    rows: '3',
    [inputs.name]: 'Apps daily',
    [inputs.memberSource]: 'roster',
    [inputs.memberEmails]: '',
    [inputs.question(1)]: 'What did you do?',
    [inputs.kind(1)]: 'text',
    [inputs.question(2)]: 'What next?',
    [inputs.kind(2)]: 'text',
    [inputs.question(3)]: 'Blocked?',
    [inputs.kind(3)]: 'text',
    [inputs.blockers(3)]: 'true',
    [inputs.days]: '1,2,3,4,5',
    [inputs.promptTime]: '09:30',
    [inputs.deadlineTime]: '11:00',
    [inputs.reminder]: '60',
    ...overrides,
  });

  it('answers "standup" with the set-up card, which the parser accepts', async () => {
    const card = await say('standup');
    assert.deepEqual(adaptiveCardProblems(card), []);
    assert.match(JSON.stringify(card.body), /What did you do since your last standup\?/);
    assert.deepEqual(
      (card.actions ?? []).map((action) => ('verb' in action ? action.verb : '')),
      [STANDUP_SETUP_VERBS.save, STANDUP_SETUP_VERBS.addQuestion],
    );
  });

  it('grows by a question row with the values kept', async () => {
    const { card } = await execute(STANDUP_SETUP_VERBS.addQuestion, filled());
    assert.ok(card);
    const json = JSON.stringify(card.body);
    assert.match(json, /"id":"q4_text"/);
    assert.match(json, /"value":"Apps daily"/);
  });

  it('brings the card back with the problems above the inputs and values kept', async () => {
    const { card } = await execute(
      STANDUP_SETUP_VERBS.save,
      filled({
        [inputs.name]: '',
        [inputs.memberSource]: 'people',
        [inputs.memberEmails]: 'nobody@contoso.example',
      }),
    );
    assert.ok(card);
    assert.match(JSON.stringify(card.body.slice(0, 3)), /Members: I don't know nobody@contoso\.example/);
    assert.match(JSON.stringify(card.body), /"value":"nobody@contoso\.example"/);
    const named = await execute(STANDUP_SETUP_VERBS.save, filled({ [inputs.name]: '' }));
    assert.match(JSON.stringify(named.card?.body.slice(0, 3)), /Name: Give the standup a name/);
    assert.equal(await server.models.Standup.countDocuments({ tenantId: TENANT }), 0);
  });

  it('saves with the roster as members and this chat as the report channel', async () => {
    const { card } = await execute(STANDUP_SETUP_VERBS.save, filled());
    assert.match(JSON.stringify(card?.body), /Apps daily is set up/);
    const [stored] = await server.models.Standup.find({ tenantId: TENANT }).lean();
    assert.equal(stored?.reportChannel, CHAT);
    assert.deepEqual(stored?.memberSource, { kind: 'teams-roster', conversationId: CHAT });
    assert.deepEqual(
      stored?.members.map((member) => member.handle),
      [ALICE.aadObjectId, BEN.aadObjectId],
    );
    assert.deepEqual(stored?.owner, { tool: 'teams', handle: ALICE.aadObjectId });
  });

  it('edits it to the people listed by email, for the owner only', async () => {
    const [stored] = await server.models.Standup.find({ tenantId: TENANT }).lean();
    const edit = await say('standup edit Apps daily');
    assert.match(JSON.stringify(edit.actions), new RegExp(stored!._id));
    const data = filled({
      standupId: stored!._id,
      [inputs.memberSource]: 'people',
      [inputs.memberEmails]: 'ben@contoso.example',
    });
    const refused = await execute(STANDUP_SETUP_VERBS.save, data, BEN);
    assert.match(refused.message ?? '', /Only the owner/);
    const { card } = await execute(STANDUP_SETUP_VERBS.save, data);
    assert.match(JSON.stringify(card?.body), /Apps daily is updated/);
    const updated = await server.models.Standup.findOne({ tenantId: TENANT, _id: stored!._id }).lean();
    assert.deepEqual(updated?.members, [{ tool: 'teams', handle: BEN.aadObjectId }]);
    assert.deepEqual(updated?.memberSource, { kind: 'people' });
    const list = await say('standup list');
    assert.match(JSON.stringify(list.body), /Apps daily/);
  });
});
