import assert from 'node:assert/strict';
import type { AdaptiveCard, CardAction, CardElement } from '../../cards/teams/types.ts';
import { createIdentityDirectory } from '../../data/identity/mongo-identity-directory.ts';
import { TRIAGE_ACTIONS } from '../../handlers/triage/triage-actions.ts';
import { FakeBotConnector } from '../fakes/bot-connector.ts';
import { FakeGitHubPulls } from '../fakes/github-pulls-api.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { fixedQueue, triageItem, triagePull } from '../support/triage-fixture.ts';
import { adaptiveCardProblems } from '../support/validate-cards.ts';

/** Without app credentials (demo mode) the demo tenant serves every activity. */
const TENANT = 'demo';
const CHAT = '19:triage-chat@thread.v2';
const NOW = new Date('2026-12-03T10:00:00Z');
const ANA = { id: '29:1ana', name: 'Ana Lima', aadObjectId: 'a11ce000-0000-4000-8000-00000000000a' };
const LI = { id: '29:1li', name: 'Li Wei', aadObjectId: 'b0b00000-0000-4000-8000-00000000000b' };

/** Every Action.Execute in a card, nested ShowCards included. */
function executes(
  elements: readonly (CardElement | CardAction)[],
): Extract<CardAction, { type: 'Action.Execute' }>[] {
  return elements.flatMap((element) => {
    if (element.type === 'Action.Execute') return [element];
    if (element.type === 'Container') return executes(element.items);
    if (element.type === 'ActionSet') return executes(element.actions);
    if (element.type === 'Action.ShowCard') return executes(element.card.actions);
    return [];
  });
}

describe('Teams: triage and its card buttons end to end (demo mode, real database)', function () {
  this.timeout(60_000);
  let connector: FakeBotConnector;
  let github: FakeGitHubPulls;
  let server: TestServer;

  before(async () => {
    connector = new FakeBotConnector();
    await connector.http.start();
    github = new FakeGitHubPulls();
    await github.http.start();
    const items = [
      triageItem(
        triagePull('acme/api', 1, { author: 'dana' }),
        { waitingOn: ['li'], ageHours: 14 },
        {
          suggestion: {
            first: { login: 'li', score: 3, reasons: { owns: 'api/billing/', openReviews: 1 } },
            alternatives: [],
          },
        },
      ),
    ];
    server = await startTestServer(
      import.meta.url,
      { GITHUB_TOKEN: 'ghp_fake', GITHUB_API_URL: github.url },
      { demoData: false, triageQueue: fixedQueue({ items }), now: () => NOW },
    );
    await server.models.Repository.create({
      _id: `${TENANT}|acme/api`,
      tenantId: TENANT,
      repo: 'acme/api',
      provider: 'github',
    });
    await createIdentityDirectory(server.models.Person).link(
      TENANT,
      { tool: 'teams', handle: LI.aadObjectId },
      { tool: 'github', handle: 'li' },
      'manual',
    );
  });
  after(async () => {
    await server.close();
    await connector.http.stop();
    await github.http.stop();
  });

  const activity = (from: typeof ANA, conversation: Record<string, unknown>) => ({
    id: `act-${Math.random().toString(36).slice(2)}`,
    timestamp: new Date().toISOString(),
    serviceUrl: connector.serviceUrl,
    channelId: 'msteams',
    from,
    conversation,
    recipient: { id: '28:em-agent-bot', name: 'em-agent' },
    locale: 'en-US',
    channelData: {},
  });
  const groupChat = { id: CHAT, conversationType: 'groupChat', isGroup: true };
  const liPersonal = { id: 'a:personal-li', conversationType: 'personal', tenantId: TENANT };
  const post = (body: unknown) =>
    fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  async function say(
    text: string,
    from = ANA,
    conversation: Record<string, unknown> = groupChat,
  ): Promise<AdaptiveCard> {
    const before = connector.posts().length;
    const response = await post({ ...activity(from, conversation), type: 'message', text });
    assert.ok(response.status < 300, `status ${response.status}`);
    const deadline = Date.now() + 5_000;
    while (connector.posts().length <= before) {
      if (Date.now() > deadline) assert.fail('no reply');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return connector.posts().at(-1)!.activity.attachments![0]!.content as unknown as AdaptiveCard;
  }

  async function execute(card: AdaptiveCard, verb: string, from = ANA): Promise<AdaptiveCard> {
    const action = executes(card.body).find((candidate) => candidate.verb === verb);
    assert.ok(action, `no ${verb} button`);
    const response = await post({
      ...activity(from, groupChat),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data: action.data }, trigger: 'manual' },
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { type: string; value: unknown };
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(body));
    const next = body.value as AdaptiveCard;
    assert.deepEqual(adaptiveCardProblems(next), []);
    return next;
  }

  it('answers "triage" with the queue card, which the parser accepts', async () => {
    const card = await say('triage');
    assert.deepEqual(adaptiveCardProblems(card), []);
    const text = JSON.stringify(card.body);
    assert.match(text, /PR triage: everyone/);
    assert.match(text, /Waiting for a first review · 14 working hours · waits on @li/);
    assert.match(text, /Suggested reviewer @li: owns `api\/billing\/`, 1 open review/);
    assert.deepEqual(
      executes(card.body).map((action) => action.verb),
      [
        TRIAGE_ACTIONS.requestReview,
        TRIAGE_ACTIONS.nudge,
        TRIAGE_ACTIONS.take,
        TRIAGE_ACTIONS.snoozeDay,
        TRIAGE_ACTIONS.snoozeCommit,
      ],
    );
    assert.match(
      JSON.stringify(await say('triage nowhere/repo')),
      /I don't know the repository nowhere\/repo/,
    );
  });

  it('knows its linked person when Teams sends their object id in upper case', async () => {
    const card = await say('triage me', { ...LI, aadObjectId: LI.aadObjectId.toUpperCase() }, liPersonal);
    const text = JSON.stringify(card.body);
    assert.doesNotMatch(text, /I do not know your GitHub account yet/);
    assert.match(text, /PR triage: you/);
  });

  it('keeps "triage me" out of the group chat: it is about the asker alone', async () => {
    const before = connector.posts().length;
    const note = JSON.stringify((await say('triage me', LI)).body);
    assert.match(note, /Answered in our personal chat/);
    assert.doesNotMatch(note, /PR triage: you/);
    const mine = connector
      .posts()
      .slice(before)
      .filter((sent) => sent.conversationId === liPersonal.id);
    assert.equal(mine.length, 1);
    assert.match(JSON.stringify(mine[0]!.activity), /PR triage: you/);
  });

  it('requests the review on GitHub once, however often it is clicked', async () => {
    const card = await say('triage acme/api');
    const first = await execute(card, TRIAGE_ACTIONS.requestReview);
    assert.match(JSON.stringify(first.body), /Requested a review from @li on acme\/api#1\./);
    const again = await execute(card, TRIAGE_ACTIONS.requestReview);
    assert.match(JSON.stringify(again.body), /was already requested/);
    assert.equal(github.reviewRequestCalls('acme/api#1'), 1);
  });

  it('nudges the reviewer in their personal chat, once a day', async () => {
    // Li has talked to the bot in a personal chat, so the bot may write there.
    await say('help', LI, liPersonal);
    const card = await say('triage');
    const nudged = await execute(card, TRIAGE_ACTIONS.nudge);
    assert.match(JSON.stringify(nudged.body), /Nudged @li\./);
    const again = await execute(card, TRIAGE_ACTIONS.nudge);
    assert.match(JSON.stringify(again.body), /@li was already nudged about it today\./);
    const dms = connector.posts().filter((sent) => sent.conversationId === liPersonal.id);
    assert.match(JSON.stringify(dms.at(-1)?.activity), /acme\/api#1 is waiting on you/);
    assert.equal(dms.filter((sent) => /is waiting on you/.test(JSON.stringify(sent.activity))).length, 1);
  });

  it("records I'm on it and shows it on the item", async () => {
    const card = await say('triage');
    const taken = await execute(card, TRIAGE_ACTIONS.take);
    assert.match(JSON.stringify(taken.body), /Ana Lima is on it/);
    assert.ok(!executes(taken.body).some((action) => action.verb === TRIAGE_ACTIONS.take));
  });

  it('snoozes the item until the next commit', async () => {
    const card = await say('triage');
    const snoozed = await execute(card, TRIAGE_ACTIONS.snoozeCommit);
    assert.match(JSON.stringify(snoozed.body), /Snoozed acme\/api#1 until its next commit\./);
    assert.match(JSON.stringify(snoozed.body), /Nothing is waiting on anyone in everyone\./);
  });
});
