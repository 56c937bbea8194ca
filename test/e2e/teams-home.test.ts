import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { HOME_VERBS } from '../../cards/teams/home.ts';
import { STANDUP_SUBMIT_VERB } from '../../cards/teams/standup-prompt.ts';
import type { AdaptiveCard } from '../../cards/teams/types.ts';
import { createStandupStore } from '../../data/standup/mongo-standup-store.ts';
import type { Standup } from '../../handlers/standup/types.ts';
import { FakeBotConnector, type ConnectorPost } from '../fakes/bot-connector.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { adaptiveCardProblems } from '../support/validate-cards.ts';
import { sendGithub } from '../support/webhook-delivery.ts';

const TENANT = 'demo';
const GITHUB_SECRET = 'teams-home-github-secret';
const NOW = new Date('2027-01-26T10:00:00Z');
const ALICE = { id: '29:1alice', name: 'Alice Example', aadObjectId: 'aad-alice' };
const CHAT = 'a:personal-alice';

const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as {
  name: string;
  examples: Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
}[];

function openedPullRequest(number: number, author: string, reviewers: string[], openedAt: Date) {
  const payload = structuredClone(
    examples.find((group) => group.name === 'pull_request')!.examples.find((e) => e.action === 'opened')!,
  );
  const at = openedAt.toISOString();
  const user = (login: string) => ({ ...payload.pull_request.user, login, id: login.length * 1000 });
  Object.assign(payload.pull_request, {
    number,
    title: `Change ${number}`,
    html_url: `https://github.com/acme/payments/pull/${number}`,
    draft: false,
    created_at: at,
    updated_at: at,
    user: user(author),
    requested_reviewers: reviewers.map(user),
  });
  payload.repository.full_name = 'acme/payments';
  return payload;
}

describe('Teams: the home card end to end (Emulator-style, demo mode)', function () {
  this.timeout(60_000);
  let connector: FakeBotConnector;
  let server: TestServer;
  let standup: Standup;

  const activity = (fields: Record<string, unknown>, conversationType = 'personal') => ({
    id: `act-${Math.random().toString(36).slice(2)}`,
    timestamp: new Date().toISOString(),
    serviceUrl: connector.serviceUrl,
    channelId: 'msteams',
    from: ALICE,
    conversation: {
      id: conversationType === 'personal' ? CHAT : '19:general@thread.tacv2',
      conversationType,
    },
    recipient: { id: '28:em-agent-bot', name: 'em-agent' },
    locale: 'en-US',
    channelData: {},
    ...fields,
  });

  async function post(body: unknown) {
    return fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  const postsTo = (conversationId: string) =>
    connector.posts().filter((entry) => entry.conversationId === conversationId);

  async function nextPost(conversationId: string, after: number): Promise<ConnectorPost> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const found = postsTo(conversationId)[after];
      if (found) return found;
      assert.ok(Date.now() < deadline, `no post ${after} in ${conversationId}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const cardOf = (entry: ConnectorPost) =>
    entry.activity.attachments?.[0]?.content as unknown as AdaptiveCard;

  async function say(text: string): Promise<AdaptiveCard> {
    const before = postsTo(CHAT).length;
    const response = await post(activity({ type: 'message', text }));
    assert.ok(response.status < 300, `status ${response.status}`);
    return cardOf(await nextPost(CHAT, before));
  }

  async function execute(verb: string, data: Record<string, string>) {
    const response = await post(
      activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: 'home-card',
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'automatic' },
      }),
    );
    assert.equal(response.status, 200);
    const body = (await response.json()) as { type: string; value: unknown };
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(body));
    return body.value as AdaptiveCard;
  }

  before(async () => {
    connector = new FakeBotConnector();
    await connector.http.start();
    server = await startTestServer(
      import.meta.url,
      { GITHUB_WEBHOOK_SECRET: GITHUB_SECRET },
      { now: () => NOW, demoData: false },
    );
    standup = await createStandupStore(server.models.Standup, server.models.StandupAnswer).create(
      TENANT,
      {
        name: 'Platform daily',
        surface: 'teams',
        reportChannel: '19:platform@thread.tacv2',
        owner: { tool: 'teams', handle: ALICE.aadObjectId },
        members: [{ tool: 'teams', handle: ALICE.aadObjectId }],
        memberSource: { kind: 'people' },
        questions: [{ id: 'q1', text: 'What did you do?', kind: 'text' }],
        days: [1, 2, 3, 4, 5],
        promptTime: '09:30',
        deadlineTime: '11:00',
        reminderMinutes: null,
      },
      NOW,
    );
  });
  after(async () => {
    await server.close();
    await connector.http.stop();
  });

  it('sends the help card, then the home card, when installed in a personal chat', async () => {
    const before = postsTo(CHAT).length;
    await post(activity({ type: 'conversationUpdate', membersAdded: [{ id: '28:em-agent-bot' }] }));
    const help = cardOf(await nextPost(CHAT, before));
    assert.match(JSON.stringify(help.body), /em-agent commands/);
    const home = cardOf(await nextPost(CHAT, before + 1));
    assert.deepEqual(adaptiveCardProblems(home), []);
    assert.equal(home.refresh?.action.verb, HOME_VERBS.refresh);
    assert.match(JSON.stringify(home.body), /Link your GitHub account/);
    assert.match(JSON.stringify(home.body), /Platform daily: not answered yet/);
  });

  it('sends no home card when installed in a team, where others would read it', async () => {
    const channel = '19:general@thread.tacv2';
    const before = postsTo(channel).length;
    await post(
      activity({ type: 'conversationUpdate', membersAdded: [{ id: '28:em-agent-bot' }] }, 'channel'),
    );
    await nextPost(channel, before);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(postsTo(channel).length, before + 1, 'the help card only');
  });

  it('answers "home" with the card, and its refresh rebuilds it with what changed since', async () => {
    await say('link github alice');
    const first = await say('home');
    assert.deepEqual(adaptiveCardProblems(first), []);
    assert.match(JSON.stringify(first.body), /No pull request is waiting on you/);
    const sent = await sendGithub(
      server.url,
      GITHUB_SECRET,
      'pull_request',
      openedPullRequest(701, 'carol', ['alice'], new Date('2027-01-22T10:00:00Z')),
    );
    assert.equal(sent.status, 202);
    await server.normalizer.idle();
    const refreshed = await execute(HOME_VERBS.refresh, {});
    assert.deepEqual(adaptiveCardProblems(refreshed), []);
    assert.equal(refreshed.refresh?.action.verb, HOME_VERBS.refresh, 'still refreshable');
    const text = JSON.stringify(refreshed.body);
    assert.match(text, /Waiting on you \(1\)/);
    assert.match(text, /acme\/payments#701 Change 701/);
    // Judged by triage: waiting since Friday, 16 of Alice's working hours (the weekend does not count).
    assert.match(text, /by @carol \(waiting for a first review, 16 working h\)/);
  });

  it("opens the standup's answer form from the home card's Answer, the existing flow", async () => {
    const form = await execute(HOME_VERBS.answerStandup, { standupId: standup.id, date: '2027-01-26' });
    assert.deepEqual(adaptiveCardProblems(form), []);
    const text = JSON.stringify(form);
    assert.match(text, /Platform daily/);
    assert.ok(text.includes(`"verb":"${STANDUP_SUBMIT_VERB}"`), 'the form submits as a prompt does');
    await execute(STANDUP_SUBMIT_VERB, {
      standupId: standup.id,
      date: '2027-01-26',
      answer_q1: 'Shipped it',
    });
    const home = await execute(HOME_VERBS.refresh, {});
    assert.match(JSON.stringify(home.body), /Platform daily: answered today/);
  });
});
