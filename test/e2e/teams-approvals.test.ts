import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AdaptiveCard } from '../../cards/teams/types.ts';
import { advanceApproval } from '../../handlers/approvals/advance-approval.ts';
import type { Approval } from '../../handlers/approvals/types.ts';
import { FakeBotConnector, type ConnectorPost } from '../fakes/bot-connector.ts';
import { otherPrivateKey } from '../fakes/bot-framework-keys.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const API_TOKEN = 'teams-approvals-api-token-0123456789';
const TEAM_ID = '19:team-general@thread.tacv2';
const CHANNEL_ID = '19:channel-releases@thread.tacv2';

/** policy.set (built in) needs one of two named Teams approvers; deploy.tag needs a team owner. */
const POLICY_YAML = `actions:
  policy.set: { risk: high, mode: require_approval }
  deploy.tag: { risk: medium, mode: require_approval }
tiers:
  high:
    approvers: { users: [teams:b0b00000-0000-4000-8000-000000000002, teams:ca401000-0000-4000-8000-000000000003] }
    escalation: { remind_after: 30m, escalate_after: 2h, escalate_to: [teams:e0e00000-0000-4000-8000-000000000004] }
  medium:
    approvers: { teams_roles: [owner] }
`;

interface Person {
  id: string;
  name: string;
  aadObjectId: string;
}

const ALICE: Person = {
  id: '29:1alice',
  name: 'Alice (requester)',
  aadObjectId: 'a11ce000-0000-4000-8000-000000000001',
};
const BOB: Person = {
  id: '29:1bob',
  name: 'Bob (approver)',
  aadObjectId: 'b0b00000-0000-4000-8000-000000000002',
};
const CAROL: Person = {
  id: '29:1carol',
  name: 'Carol (approver)',
  aadObjectId: 'ca401000-0000-4000-8000-000000000003',
};
const EVE: Person = {
  id: '29:1eve',
  name: 'Eve (not an approver)',
  aadObjectId: 'e0e00000-0000-4000-8000-000000000004',
};
const DAVE: Person = {
  id: '29:1dave',
  name: 'Dave (team owner)',
  aadObjectId: 'da0e0000-0000-4000-8000-000000000005',
};
const ERIN: Person = {
  id: '29:1erin',
  name: 'Erin (team member)',
  aadObjectId: 'e0140000-0000-4000-8000-000000000006',
};

const personalChat = (person: Person) => `a:personal-${person.aadObjectId}`;

interface Surroundings {
  connector: FakeBotConnector;
  server: TestServer;
  /** Signs activities when the server checks Bot Framework JWTs. */
  appId?: string;
  /** Set on activities when the server is not in demo mode. */
  tenantId?: string;
}

function activityFrom(env: Surroundings, person: Person, conversation: Record<string, unknown>) {
  return {
    id: `act-${Math.random().toString(36).slice(2)}`,
    timestamp: new Date().toISOString(),
    serviceUrl: env.connector.serviceUrl,
    channelId: 'msteams',
    from: person,
    conversation: { ...conversation, ...(env.tenantId ? { tenantId: env.tenantId } : {}) },
    recipient: { id: '28:em-agent-bot', name: 'em-agent' },
    locale: 'en-US',
    channelData: {
      ...(env.tenantId ? { tenant: { id: env.tenantId } } : {}),
      ...(conversation.conversationType === 'channel' ? { team: { id: TEAM_ID } } : {}),
    },
  };
}

const personal = (person: Person) => ({ id: personalChat(person), conversationType: 'personal' });
const channel = { id: CHANNEL_ID, conversationType: 'channel', isGroup: true };

async function postActivity(env: Surroundings, activity: Record<string, unknown>, token?: string) {
  const authorization =
    token ??
    (env.appId
      ? `Bearer ${env.connector.keys.token({ audience: env.appId, serviceUrl: env.connector.serviceUrl })}`
      : undefined);
  return fetch(`${env.server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(activity),
  });
}

/** A person types to the bot, which is how the bot learns where to reach them. */
async function say(env: Surroundings, person: Person, text: string, conversation = personal(person)) {
  const activity = {
    ...activityFrom(env, person, conversation),
    type: 'message',
    text,
  };
  const response = await postActivity(env, activity);
  assert.ok(response.status < 300, `status ${response.status}`);
}

interface InvokeAnswer {
  status: number;
  type?: string;
  card?: AdaptiveCard;
  message?: string;
}

/** Teams' `adaptiveCard/action` invoke for an Action.Execute (a click, or an automatic refresh). */
async function execute(
  env: Surroundings,
  person: Person,
  verb: string,
  data: Record<string, string>,
  conversation: Record<string, unknown> = personal(person),
  token?: string,
): Promise<InvokeAnswer> {
  const activity = {
    ...activityFrom(env, person, conversation),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: 'reply-card',
    value: {
      action: { type: 'Action.Execute', verb, data },
      trigger: verb === 'approval.refresh' ? 'automatic' : 'manual',
    },
  };
  const response = await postActivity(env, activity, token);
  if (response.status !== 200) return { status: response.status };
  const body = (await response.json()) as { statusCode: number; type: string; value: unknown };
  return body.type === 'application/vnd.microsoft.card.adaptive'
    ? { status: 200, type: body.type, card: body.value as AdaptiveCard }
    : { status: 200, type: body.type, message: body.value as string };
}

async function propose(env: Surroundings, body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${env.server.url}/v1/actions/propose`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${API_TOKEN}` },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return ((await response.json()) as { action_id: string }).action_id;
}

const proposePolicy = (env: Surroundings, yaml = POLICY_YAML) =>
  propose(env, {
    action_type: 'policy.set',
    target_ref: 'policy:tenant',
    proposed_payload: { yaml },
    requester: `teams:${ALICE.aadObjectId}`,
  });

function cardOf(post: ConnectorPost): AdaptiveCard {
  const attachment = post.activity.attachments?.[0];
  assert.equal(attachment?.contentType, 'application/vnd.microsoft.card.adaptive');
  return attachment.content as unknown as AdaptiveCard;
}

const buttonsOf = (card: AdaptiveCard | undefined) =>
  (card?.actions ?? []).map((action) => ('verb' in action ? action.verb : action.title));
const textOf = (card: AdaptiveCard | undefined) => JSON.stringify(card?.body ?? []);
const DECIDE_BUTTONS = ['approval.approve', 'approval.decline', 'Modify'];

async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 5_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const postsTo = (env: Surroundings, conversationId: string) =>
  env.connector.posts().filter((post) => post.conversationId === conversationId);

async function approvalOf(env: Surroundings, tenantId: string, id: string): Promise<Approval> {
  return (await env.server.approvals.store.get(tenantId, id))!;
}

async function executions(env: Surroundings, tenantId: string, id: string): Promise<number> {
  return env.server.models.AuditEvent.countDocuments({
    tenantId,
    subject: `approval:${id}`,
    verb: 'action.execute',
  });
}

async function writePolicyFile(): Promise<{ file: string; dir: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'em-agent-teams-approvals-'));
  const file = path.join(dir, 'policy.yaml');
  await writeFile(file, POLICY_YAML);
  return { file, dir };
}

describe('Teams approvals end to end (Emulator-style: proactive sends without auth)', () => {
  const TENANT = 'demo';
  let env: Surroundings;
  let dir: string;

  before(async () => {
    const policy = await writePolicyFile();
    dir = policy.dir;
    const connector = new FakeBotConnector();
    await connector.http.start();
    connector.addMember(TEAM_ID, { ...DAVE, userRole: 'owner' });
    connector.addMember(TEAM_ID, { ...ERIN, userRole: 'user' });
    const server = await startTestServer(import.meta.url, { API_TOKEN, POLICY_FILE: policy.file });
    env = { connector, server };
    // Alice, Bob and Eve have chatted with the bot; Carol has not.
    for (const person of [ALICE, BOB, EVE]) await say(env, person, 'help');
  });
  after(async () => {
    await env?.server.close();
    await env?.connector.http.stop();
    await rm(dir, { recursive: true, force: true });
  });

  let firstId: string;

  it("posts the request to each approver's personal chat, with buttons, and skips approvers the bot cannot reach", async () => {
    const before = postsTo(env, personalChat(BOB)).length;
    firstId = await proposePolicy(env);
    const post = await waitFor("the card in Bob's chat", () => postsTo(env, personalChat(BOB))[before]);
    const card = cardOf(post);
    assert.match(textOf(card), /Waiting for approval: policy.set/);
    assert.match(textOf(card), /teams:a11ce000-0000-4000-8000-000000000001/);
    assert.deepEqual(buttonsOf(card), DECIDE_BUTTONS);
    assert.equal(card.refresh?.action.verb, 'approval.refresh');
    assert.deepEqual(card.refresh?.action.data, { approvalId: firstId });
    // Bob's Teams id is known from his chat; Carol's MRI is derived from her AAD object id.
    assert.deepEqual(card.refresh?.userIds, [BOB.id, `8:orgid:${CAROL.aadObjectId}`]);
    assert.equal(postsTo(env, personalChat(CAROL)).length, 0);
    const approval = await approvalOf(env, TENANT, firstId);
    assert.equal(approval.messages.length, 1);
    assert.equal(approval.messages[0]!.surface, 'teams');
    assert.equal(approval.messages[0]!.conversation, personalChat(BOB));
    assert.match(approval.messages[0]!.messageId, /^reply-\d+$/);
    assert.ok(
      env.server.logs.some((line) => line.msg === 'approver has no personal chat with the bot yet; skipped'),
    );
  });

  it('refreshes the card per viewer: buttons for an approver, none for anyone else or the requester', async () => {
    const forBob = await execute(env, BOB, 'approval.refresh', { approvalId: firstId });
    assert.equal(forBob.status, 200);
    assert.deepEqual(buttonsOf(forBob.card), DECIDE_BUTTONS);
    for (const viewer of [EVE, ALICE]) {
      const answer = await execute(env, viewer, 'approval.refresh', { approvalId: firstId });
      assert.deepEqual(buttonsOf(answer.card), [], viewer.name);
      assert.match(textOf(answer.card), /Waiting for approval/);
      assert.equal(answer.card?.refresh?.action.verb, 'approval.refresh', 'still refreshable');
    }
    // A refresh never edits the shared message (teams-ai would, for a card with refresh).
    assert.equal(env.connector.updates().length, 0);
  });

  it('refuses the requester and a non-approver in plain words, and changes nothing', async () => {
    const before = await approvalOf(env, TENANT, firstId);
    const byAlice = await execute(env, ALICE, 'approval.approve', { approvalId: firstId });
    assert.match(textOf(byAlice.card), /You asked for this, so someone else has to approve it/);
    assert.deepEqual(buttonsOf(byAlice.card), []);
    const byEve = await execute(env, EVE, 'approval.approve', { approvalId: firstId });
    assert.match(textOf(byEve.card), /Only approvers for high-risk actions can decide on this/);
    const after = await approvalOf(env, TENANT, firstId);
    assert.equal(after.status, 'pending');
    assert.equal(after.version, before.version);
    assert.equal(await executions(env, TENANT, firstId), 0);
    assert.equal(env.connector.updates().length, 0);
    const refused = await env.server.models.AuditEvent.find({
      tenantId: TENANT,
      subject: `approval:${firstId}`,
      outcome: 'refused',
    }).lean();
    assert.deepEqual(refused.map((entry) => entry.actor).sort(), [
      'teams:a11ce000-0000-4000-8000-000000000001',
      'teams:e0e00000-0000-4000-8000-000000000004',
    ]);
  });

  it('approves: runs policy.set once, updates the posted card for everyone and tells the requester', async () => {
    const messageId = (await approvalOf(env, TENANT, firstId)).messages[0]!.messageId;
    const alicePosts = postsTo(env, personalChat(ALICE)).length;
    const answer = await execute(env, BOB, 'approval.approve', { approvalId: firstId });
    assert.match(textOf(answer.card), /Approved and done: the new policy is in force/);
    assert.match(textOf(answer.card), /Approved: policy.set/);
    assert.deepEqual(buttonsOf(answer.card), []);
    assert.equal(answer.card?.refresh, undefined);

    const approval = await approvalOf(env, TENANT, firstId);
    assert.equal(approval.status, 'approved');
    assert.equal(approval.execution.status, 'succeeded');
    assert.equal(await executions(env, TENANT, firstId), 1);
    const policy = await env.server.models.TenantPolicy.findOne({ tenantId: TENANT }).lean();
    assert.equal(policy?.updatedBy, 'teams:b0b00000-0000-4000-8000-000000000002');

    const [update] = await env.connector.waitForUpdates(messageId);
    assert.equal(update!.conversationId, personalChat(BOB));
    const updated = update!.activity.attachments![0]!.content as unknown as AdaptiveCard;
    assert.match(textOf(updated), /Approved: policy.set/);
    assert.match(textOf(updated), /Done\. the new policy is in force/);
    assert.deepEqual(buttonsOf(updated), []);

    const told = await waitFor('the requester told', () => postsTo(env, personalChat(ALICE))[alicePosts]);
    assert.match(String(told.activity.text), /^Done: policy.set on policy:tenant/);

    const again = await execute(env, BOB, 'approval.approve', { approvalId: firstId });
    assert.match(textOf(again.card), /This request was already approved/);
    assert.equal(await executions(env, TENANT, firstId), 1);
  });

  it('declines: the card says so for everyone, nothing runs, and the requester hears why', async () => {
    const id = await proposePolicy(env);
    const messageId = (await approvalOf(env, TENANT, id)).messages[0]!.messageId;
    const alicePosts = postsTo(env, personalChat(ALICE)).length;
    const answer = await execute(env, BOB, 'approval.decline', { approvalId: id });
    assert.match(textOf(answer.card), /Declined: policy.set/);
    assert.deepEqual(buttonsOf(answer.card), []);
    assert.equal((await approvalOf(env, TENANT, id)).status, 'declined');
    assert.equal(await executions(env, TENANT, id), 0);
    const [update] = await env.connector.waitForUpdates(messageId);
    assert.match(textOf(update!.activity.attachments![0]!.content as unknown as AdaptiveCard), /Declined/);
    const told = await waitFor('the requester told', () => postsTo(env, personalChat(ALICE))[alicePosts]);
    assert.match(String(told.activity.text), /was declined/);
  });

  it('lets exactly one of two approvers at once (and a double click) win; the action runs once', async () => {
    const id = await proposePolicy(env);
    const answers = await Promise.all([
      execute(env, BOB, 'approval.approve', { approvalId: id }),
      execute(env, CAROL, 'approval.approve', { approvalId: id }),
      execute(env, BOB, 'approval.approve', { approvalId: id }),
    ]);
    const texts = answers.map((answer) => answer.message ?? textOf(answer.card));
    assert.equal(texts.filter((text) => /Approved and done/.test(text)).length, 1, texts.join('\n'));
    for (const text of texts.filter((candidate) => !/Approved and done/.test(candidate))) {
      assert.match(text, /already approved|already decided/);
    }
    const approval = await approvalOf(env, TENANT, id);
    assert.equal(approval.status, 'approved');
    assert.equal(approval.decisions.length, 1);
    assert.equal(await executions(env, TENANT, id), 1);
  });

  it("reminds the approvers, then escalates into the escalation target's chat, who may then decide", async () => {
    const id = await proposePolicy(env);
    const ago = (ms: number) =>
      env.server.models.Approval.updateOne(
        { tenantId: TENANT, _id: id },
        { $set: { created_at: new Date(Date.now() - ms) } },
      );
    const bobPosts = postsTo(env, personalChat(BOB)).length;
    const evePosts = postsTo(env, personalChat(EVE)).length;
    await ago(31 * 60_000);
    await advanceApproval(env.server.approvals, TENANT, id);
    const reminder = cardOf(await waitFor('the reminder', () => postsTo(env, personalChat(BOB))[bobPosts]));
    assert.match(textOf(reminder), /Reminder: this is still waiting for a decision/);
    assert.deepEqual(buttonsOf(reminder), DECIDE_BUTTONS);
    assert.equal(postsTo(env, personalChat(EVE)).length, evePosts, 'no one else is reminded');

    await ago(121 * 60_000);
    await advanceApproval(env.server.approvals, TENANT, id);
    const escalated = cardOf(
      await waitFor('the escalation', () => postsTo(env, personalChat(EVE))[evePosts]),
    );
    assert.match(textOf(escalated), /Escalated: nobody decided in time/);
    assert.deepEqual(buttonsOf(escalated), DECIDE_BUTTONS);
    assert.ok(escalated.refresh?.userIds?.includes(EVE.id), 'Teams refreshes the card for Eve now too');
    const byEve = await execute(env, EVE, 'approval.approve', { approvalId: id });
    assert.match(textOf(byEve.card), /Approved and done/);
  });

  it('shows Modify problems on the card (invalid JSON, a payload the action refuses), then runs a valid change', async () => {
    const id = await proposePolicy(env);
    const broken = '{ "yaml": ';
    const invalid = await execute(env, BOB, 'approval.modify', {
      approvalId: id,
      payload: broken,
      reason: '',
    });
    assert.match(textOf(invalid.card), /The payload is not valid JSON/);
    assert.deepEqual(buttonsOf(invalid.card), DECIDE_BUTTONS);
    const modify = invalid.card?.actions?.find((action) => action.type === 'Action.ShowCard');
    assert.ok(modify?.type === 'Action.ShowCard');
    assert.equal(
      modify.card.body[0]?.type === 'Input.Text' && modify.card.body[0].value,
      broken,
      'draft kept',
    );

    const refused = await execute(env, BOB, 'approval.modify', { approvalId: id, payload: '{"yml": "x"}' });
    assert.match(textOf(refused.card), /The payload does not fit policy.set/);
    assert.equal((await approvalOf(env, TENANT, id)).status, 'pending');
    assert.equal((await approvalOf(env, TENANT, id)).decisions.length, 0);

    const changed = `${POLICY_YAML}# tightened by Bob\n`;
    const answer = await execute(env, BOB, 'approval.modify', {
      approvalId: id,
      payload: JSON.stringify({ yaml: changed }),
      reason: 'added a note',
    });
    assert.match(textOf(answer.card), /Approved and done/);
    assert.match(textOf(answer.card), /Payload \(modified by an approver\)/);
    const approval = await approvalOf(env, TENANT, id);
    assert.equal(approval.decision, 'modify');
    assert.equal(approval.reason, 'added a note');
    assert.equal(approval.proposed_payload.yaml, changed);
    const policy = await env.server.models.TenantPolicy.findOne({ tenantId: TENANT }).lean();
    assert.equal(policy?.yaml, changed);
  });

  it('says a request expired when someone decides after its expiry', async () => {
    const id = await proposePolicy(env);
    await env.server.models.Approval.updateOne(
      { tenantId: TENANT, _id: id },
      { $set: { expires_at: new Date(Date.now() - 1_000) } },
    );
    const alicePosts = postsTo(env, personalChat(ALICE)).length;
    const answer = await execute(env, BOB, 'approval.approve', { approvalId: id });
    assert.match(textOf(answer.card), /expired before anyone decided/);
    assert.match(textOf(answer.card), /Expired: policy.set/);
    assert.deepEqual(buttonsOf(answer.card), []);
    assert.equal((await approvalOf(env, TENANT, id)).status, 'expired');
    assert.equal(await executions(env, TENANT, id), 0);
    const told = await waitFor('the requester told', () => postsTo(env, personalChat(ALICE))[alicePosts]);
    assert.match(String(told.activity.text), /expired before anyone decided/);
  });

  it('lets a team owner decide when the policy names teams_roles, looking the role up in the roster', async () => {
    await say(env, ERIN, 'help', channel);
    const channelPosts = postsTo(env, CHANNEL_ID).length;
    const id = await propose(env, {
      action_type: 'deploy.tag',
      target_ref: 'github:acme/api@v1.4.0',
      proposed_payload: { tag: 'v1.4.0' },
      requester: `teams:${ALICE.aadObjectId}`,
      conversation: { surface: 'teams', id: CHANNEL_ID },
    });
    const post = await waitFor('the card in the channel', () => postsTo(env, CHANNEL_ID)[channelPosts]);
    const card = cardOf(post);
    assert.deepEqual(
      buttonsOf(card),
      [],
      'a shared channel sees no buttons until Teams refreshes per viewer',
    );
    assert.equal(card.refresh?.action.verb, 'approval.refresh');
    assert.equal(card.refresh?.userIds, undefined, 'no named approvers: Teams refreshes for everyone');

    const forDave = await execute(env, DAVE, 'approval.refresh', { approvalId: id }, channel);
    assert.deepEqual(buttonsOf(forDave.card), DECIDE_BUTTONS);
    const forErin = await execute(env, ERIN, 'approval.refresh', { approvalId: id }, channel);
    assert.deepEqual(buttonsOf(forErin.card), []);
    assert.ok(
      env.connector.http.requests.some(
        (request) =>
          request.method === 'GET' &&
          request.path ===
            `/v3/conversations/${encodeURIComponent(TEAM_ID)}/members/${encodeURIComponent(DAVE.id)}`,
      ),
      'the roster was asked about Dave in his team',
    );

    const byErin = await execute(env, ERIN, 'approval.approve', { approvalId: id }, channel);
    assert.match(textOf(byErin.card), /Only approvers for medium-risk actions/);
    assert.equal((await approvalOf(env, TENANT, id)).status, 'pending');

    const byDave = await execute(env, DAVE, 'approval.approve', { approvalId: id }, channel);
    assert.match(textOf(byDave.card), /Approved: deploy.tag/);
    // No executor for deploy.tag ships yet: the card says so instead of pretending.
    assert.match(textOf(byDave.card), /Failed: em-agent cannot run deploy.tag actions yet/);
    const approval = await approvalOf(env, TENANT, id);
    assert.equal(approval.decided_by, 'teams:da0e0000-0000-4000-8000-000000000005');
    const [update] = await env.connector.waitForUpdates(approval.messages[0]!.messageId);
    assert.equal(update!.conversationId, CHANNEL_ID);
  });

  it("lists pending approvals with Open, which posts the viewer's card and refreshes the list", async () => {
    const id = await proposePolicy(env);
    const bobPosts = postsTo(env, personalChat(BOB)).length;
    await say(env, BOB, 'approvals');
    const list = cardOf(await waitFor('the list', () => postsTo(env, personalChat(BOB))[bobPosts]));
    assert.match(textOf(list), /Waiting for a decision/);
    assert.match(
      JSON.stringify(list),
      new RegExp(`"verb":"approval.open","data":\\{"approvalId":"${id}"\\}`),
    );

    const opened = await execute(env, BOB, 'approval.open', { approvalId: id });
    assert.match(textOf(opened.card), /Waiting for a decision/);
    const posted = cardOf(
      await waitFor('the opened card', () => postsTo(env, personalChat(BOB))[bobPosts + 1]),
    );
    assert.deepEqual(buttonsOf(posted), DECIDE_BUTTONS);
    const messages = (await approvalOf(env, TENANT, id)).messages;
    const inBobsChat = messages.filter((message) => message.conversation === personalChat(BOB));
    assert.equal(inBobsChat.length, 2, 'the opened card is kept up to date too');

    const forEve = await execute(env, EVE, 'approval.open', { approvalId: id });
    assert.match(textOf(forEve.card), /Waiting for a decision/);
    const eveCard = cardOf(postsTo(env, personalChat(EVE)).at(-1)!);
    assert.deepEqual(buttonsOf(eveCard), []);
  });

  it('shows the policy in force as a card', async () => {
    const posts = postsTo(env, personalChat(EVE)).length;
    await say(env, EVE, 'policy show');
    const card = cardOf(await waitFor('the policy card', () => postsTo(env, personalChat(EVE))[posts]));
    assert.match(textOf(card), /Approval policy in force/);
    assert.match(textOf(card), /set by teams:b0b00000-0000-4000-8000-000000000002/);
    assert.ok(card.body.some((element) => element.type === 'TextBlock' && element.fontType === 'Monospace'));
  });

  it("sends a request made in a personal chat to the approvers, and keeps the asker's copy current", async () => {
    const alicePosts = postsTo(env, personalChat(ALICE)).length;
    const bobPosts = postsTo(env, personalChat(BOB)).length;
    await say(env, ALICE, `policy set ${POLICY_YAML}`);
    const sinceThen = () => postsTo(env, personalChat(ALICE)).slice(alicePosts).map(cardOf);
    await waitFor('the answer', () =>
      sinceThen().find((card) => /Policy change proposed/.test(textOf(card))),
    );
    const aliceCard = sinceThen().find((card) => /Waiting for approval/.test(textOf(card)))!;
    assert.match(textOf(aliceCard), /Waiting for approval: policy.set/);
    assert.deepEqual(buttonsOf(aliceCard), [], 'the asker cannot approve their own request');
    const bobCard = cardOf(await waitFor("Bob's card", () => postsTo(env, personalChat(BOB))[bobPosts]));
    assert.deepEqual(buttonsOf(bobCard), DECIDE_BUTTONS);

    const id = bobCard.refresh!.action.data.approvalId!;
    const approval = await approvalOf(env, TENANT, id);
    assert.equal(approval.conversation?.id, personalChat(ALICE));
    await execute(env, BOB, 'approval.approve', { approvalId: id });
    const inAlicesChat = approval.messages.find((message) => message.conversation === personalChat(ALICE))!;
    const [update] = await env.connector.waitForUpdates(inAlicesChat.messageId);
    assert.match(
      textOf(update!.activity.attachments![0]!.content as unknown as AdaptiveCard),
      /Approved: policy.set/,
    );
  });

  it('answers a click on an unknown approval with a plain message', async () => {
    const answer = await execute(env, BOB, 'approval.approve', { approvalId: 'no-such-approval' });
    assert.equal(answer.type, 'application/vnd.microsoft.activity.message');
    assert.match(answer.message ?? '', /cannot find this request/);
  });

  it('keeps the audit chain intact through all of it', async () => {
    const verified = await env.server.approvals.ledger.verify(TENANT);
    assert.equal(verified.ok, true);
    assert.ok(verified.count > 20, `${verified.count} entries`);
  });
});

describe('Teams approvals with app credentials: only Bot Framework-signed clicks count', () => {
  const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  const appId = '00000000-0000-0000-0000-00000000b07a';
  let env: Surroundings;
  let dir: string;

  before(async () => {
    const policy = await writePolicyFile();
    dir = policy.dir;
    const connector = new FakeBotConnector();
    await connector.http.start();
    const server = await startTestServer(import.meta.url, {
      API_TOKEN,
      POLICY_FILE: policy.file,
      MICROSOFT_APP_ID: appId,
      MICROSOFT_APP_PASSWORD: 'not-a-real-password',
      MICROSOFT_APP_TENANT_ID: TENANT,
      MICROSOFT_BOT_OPENID_METADATA: connector.openIdMetadataUrl,
    });
    // Nobody has chatted with the bot here, so nothing is sent out (that would need a token from Entra ID).
    env = { connector, server, appId, tenantId: TENANT };
  });
  after(async () => {
    await env?.server.close();
    await env?.connector.http.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('decides only on signed invokes: a forged click gets 401, a refusal changes nothing, an approver approves', async () => {
    const id = await proposePolicy(env);
    assert.equal((await approvalOf(env, TENANT, id)).messages.length, 0);

    const forBob = await execute(env, BOB, 'approval.refresh', { approvalId: id });
    assert.deepEqual(buttonsOf(forBob.card), DECIDE_BUTTONS);

    const forged = env.connector.keys.token(
      { audience: appId, serviceUrl: env.connector.serviceUrl },
      otherPrivateKey(),
    );
    const unsigned = await execute(env, BOB, 'approval.approve', { approvalId: id }, personal(BOB), 'Bearer');
    assert.equal(unsigned.status, 401);
    const byForger = await execute(
      env,
      BOB,
      'approval.approve',
      { approvalId: id },
      personal(BOB),
      `Bearer ${forged}`,
    );
    assert.equal(byForger.status, 401);
    const byEve = await execute(env, EVE, 'approval.approve', { approvalId: id });
    assert.match(textOf(byEve.card), /Only approvers for high-risk actions/);
    // Bob as a member of another organisation: the approval is not found there.
    const otherTenant = { ...env, tenantId: '0ther000-0000-4000-8000-000000000000' };
    const fromElsewhere = await execute(otherTenant, BOB, 'approval.approve', { approvalId: id });
    assert.match(fromElsewhere.message ?? '', /cannot find this request/);
    assert.equal((await approvalOf(env, TENANT, id)).status, 'pending');

    const byBob = await execute(env, BOB, 'approval.approve', { approvalId: id });
    assert.match(textOf(byBob.card), /Approved and done/);
    assert.equal(await executions(env, TENANT, id), 1);
    assert.equal((await env.server.approvals.ledger.verify(TENANT)).ok, true);
  });
});
