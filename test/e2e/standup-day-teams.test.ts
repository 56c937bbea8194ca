import assert from 'node:assert/strict';
import type { AdaptiveCard } from '../../cards/teams/types.ts';
import { createStandupStore } from '../../data/standup/mongo-standup-store.ts';
import type { Standup, StandupSettings } from '../../handlers/standup/types.ts';
import { FakeBotConnector, type ConnectorPost } from '../fakes/bot-connector.ts';
import { eventually, runStandupTickOn } from '../support/standup-tick.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** Without app credentials (demo mode) the demo tenant serves every activity from a loopback serviceUrl. */
const TENANT = 'demo';
const TEAM_ID = '19:team-platform@thread.tacv2';
const CHANNEL = '19:channel-daily@thread.tacv2';

interface Person {
  id: string;
  name: string;
  aadObjectId: string;
}

// Ana in Los Angeles (UTC−8), Ravi in Bengaluru (UTC+5:30, Republic Day on Jan 26), Tui in Auckland (UTC+13).
const ANA: Person = { id: '29:1ana', name: 'Ana', aadObjectId: 'a0a00000-0000-4000-8000-000000000001' };
const RAVI: Person = { id: '29:1ravi', name: 'Ravi', aadObjectId: 'b0b00000-0000-4000-8000-000000000002' };
const TUI: Person = { id: '29:1tui', name: 'Tui', aadObjectId: 'c0c00000-0000-4000-8000-000000000003' };

const personalChat = (person: Person) => `a:personal-${person.aadObjectId.toLowerCase()}`;
const personal = (person: Person) => ({ id: personalChat(person), conversationType: 'personal' });
const channel = { id: CHANNEL, conversationType: 'channel', isGroup: true };
const handleOf = (person: Person) => person.aadObjectId.toLowerCase();

const at = (iso: string) => new Date(iso);

describe('a standup day in Teams, through the scheduler with the clock moved', function () {
  this.timeout(120_000);
  let connector: FakeBotConnector;
  let server: TestServer;
  let clock = at('2027-01-25T20:00:00Z');
  let standup: Standup;

  before(async () => {
    connector = new FakeBotConnector();
    await connector.http.start();
    server = await startTestServer(
      import.meta.url,
      {},
      { now: () => clock, scheduler: { processEvery: 100 } },
    );
    for (const [person, typed] of [
      [ANA, 'tz America/Los_Angeles'],
      [RAVI, 'tz Asia/Kolkata'],
      [RAVI, 'holidays IN'],
      [TUI, 'tz Pacific/Auckland'],
    ] as const) {
      await say(person, typed);
    }
    // The bot has seen the report channel (someone spoke to it there), so it may post there later.
    await say(ANA, 'help', channel);
    const settings: StandupSettings = {
      name: 'Platform daily',
      surface: 'teams',
      reportChannel: CHANNEL,
      owner: { tool: 'teams', handle: handleOf(ANA) },
      members: [ANA, RAVI, TUI].map((person) => ({ tool: 'teams' as const, handle: handleOf(person) })),
      memberSource: { kind: 'people' },
      questions: [
        { id: 'q1', text: 'What did you do since your last standup?', kind: 'text' },
        { id: 'q2', text: 'What will you do today?', kind: 'text' },
        { id: 'q3', text: 'Anything blocking you?', kind: 'text', blockers: true },
      ],
      days: [1, 2, 3, 4, 5],
      promptTime: '09:30',
      deadlineTime: '11:00',
      reminderMinutes: 60,
    };
    standup = await createStandupStore(server.models.Standup, server.models.StandupAnswer).create(
      TENANT,
      settings,
      clock,
    );
    // Every setting above took: a reply saying something went wrong still counts as a reply.
    assert.deepEqual(
      server.logs.filter((line) => (line.level as number) >= 50).map((line) => line.msg),
      [],
    );
  });
  after(async () => {
    await server.close();
    await connector.http.stop();
  });

  function activityFrom(person: Person, conversation: Record<string, unknown>) {
    return {
      id: `act-${Math.random().toString(36).slice(2)}`,
      timestamp: new Date().toISOString(),
      serviceUrl: connector.serviceUrl,
      channelId: 'msteams',
      from: person,
      conversation,
      recipient: { id: '28:em-agent-bot', name: 'em-agent' },
      locale: 'en-US',
      channelData: conversation.conversationType === 'channel' ? { team: { id: TEAM_ID } } : {},
    };
  }

  const postActivity = (activity: Record<string, unknown>) =>
    fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });

  /** A person types to the bot (in their personal chat unless told), and the bot answers. */
  async function say(person: Person, text: string, conversation: Record<string, unknown> = personal(person)) {
    const before = connector.posts().length;
    const response = await postActivity({ ...activityFrom(person, conversation), type: 'message', text });
    assert.ok(response.status < 300, `status ${response.status}`);
    await eventually(() => connector.posts().length > before, `no reply to "${text}"`);
  }

  /** Teams' `adaptiveCard/action` invoke for a click on an Action.Execute in the person's personal chat. */
  async function execute(person: Person, verb: string, data: Record<string, string>) {
    const response = await postActivity({
      ...activityFrom(person, personal(person)),
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: 'reply-card',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { type: string; value: unknown };
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(body).slice(0, 500));
    return body.value as AdaptiveCard;
  }

  async function tick(now: string): Promise<void> {
    clock = at(now);
    await runStandupTickOn(server);
  }

  function cardOf(post: { activity: ConnectorPost['activity'] }): AdaptiveCard {
    const attachment = post.activity.attachments?.[0];
    assert.equal(attachment?.contentType, 'application/vnd.microsoft.card.adaptive');
    return attachment.content as unknown as AdaptiveCard;
  }
  const textOf = (card: AdaptiveCard) => JSON.stringify(card);
  /** What the tick sent: the replies to each person's typing came before the first tick. */
  let setupPosts = 0;
  const sent = () => connector.posts().slice(setupPosts);
  const dmsTo = (person: Person) => sent().filter((post) => post.conversationId === personalChat(person));
  const inChannel = () => sent().filter((post) => post.conversationId === CHANNEL);
  const threadOf = (rootId: string) => `${CHANNEL};messageid=${rootId}`;
  const inThreads = () => sent().filter((post) => post.conversationId.startsWith(`${CHANNEL};messageid=`));

  /** The prompt's Action.Execute data and input ids, as Teams would send them with the answers typed in. */
  function submitData(card: AdaptiveCard, answers: Record<string, string>) {
    const submit = (card.actions ?? []).find(
      (action) => 'verb' in action && action.verb === 'standupSubmit',
    ) as { data?: Record<string, string> } | undefined;
    assert.ok(submit, 'the prompt has a standupSubmit action');
    const inputs = JSON.stringify(card.body);
    for (const id of Object.keys(answers)) assert.match(inputs, new RegExp(`"id":"${id}"`));
    assert.match(inputs, /"type":"Input.Text"/);
    return { ...submit.data!, ...answers };
  }

  it('prompts Tui at 09:30 in Auckland in her personal chat with a prompt card, and no one else', async () => {
    setupPosts = connector.posts().length;
    await tick('2027-01-25T20:29:00Z');
    assert.equal(sent().length, 0, 'nobody before their prompt time');
    await tick('2027-01-25T20:30:00Z');
    assert.equal(dmsTo(TUI).length, 1);
    assert.equal(sent().length, 1);
    const card = cardOf(dmsTo(TUI)[0]!);
    assert.match(textOf(card), /Platform daily/);
    const data = submitData(card, { answer_q1: '', answer_q2: '', answer_q3: '' });
    assert.equal(data.standupId, standup.id);
    assert.equal(data.date, '2027-01-26', "Tui's local date");
    await tick('2027-01-25T21:00:00Z');
    assert.equal(dmsTo(TUI).length, 2);
    assert.match(textOf(cardOf(dmsTo(TUI)[1]!)), /Reminder/);
    await tick('2027-01-25T21:05:00Z');
    assert.equal(dmsTo(TUI).length, 2, 'nothing is sent twice');
  });

  it("takes Tui's answer from the card's Submit and answers with the card saying it is in", async () => {
    clock = at('2027-01-25T21:10:00Z');
    const card = await execute(
      TUI,
      'standupSubmit',
      submitData(cardOf(dmsTo(TUI)[0]!), {
        answer_q1: 'Shipped the cache',
        answer_q2: 'Review #42',
        answer_q3: 'none',
      }),
    );
    assert.match(textOf(card), /Thanks: your answer is in\./);
    assert.match(textOf(card), /Shipped the cache/, 'the answer stays in the inputs');
    const answers = await server.models.StandupAnswer.find({ tenantId: TENANT }).lean();
    assert.equal(answers.length, 1);
    assert.equal(answers[0]!.date, '2027-01-26');
    assert.deepEqual(answers[0]!.member, { tool: 'teams', handle: handleOf(TUI) });
    assert.equal(inChannel().length, 0, 'the report waits for the last deadline');
  });

  it('"Answer for tomorrow" brings the card for the next standup day', async () => {
    const card = await execute(TUI, 'standupTomorrow', { standupId: standup.id, date: '2027-01-26' });
    const submit = (card.actions ?? []).find(
      (action) => 'verb' in action && action.verb === 'standupSubmit',
    ) as { data?: Record<string, string> } | undefined;
    assert.equal(submit?.data?.date, '2027-01-27');
    assert.doesNotMatch(textOf(card), /Shipped the cache/, "not today's answer");
  });

  it('prompts Ana at 09:30 in Los Angeles, not Ravi on Republic Day', async () => {
    await tick('2027-01-26T04:00:00Z');
    assert.equal(dmsTo(RAVI).length, 0, 'Ravi is on a public holiday');
    await tick('2027-01-26T17:30:00Z');
    assert.equal(dmsTo(ANA).length, 1);
    assert.equal(dmsTo(RAVI).length, 0);
  });

  it("holds the first report at the last deadline for its owner to confirm, Teams not telling a channel's size", async () => {
    await tick('2027-01-26T19:00:00Z');
    assert.equal(inChannel().length, 0, 'held');
    const id = `standup-report-${TENANT}-${standup.id}-${CHANNEL}`;
    assert.equal((await server.approvals.store.get(TENANT, id))?.status, 'pending');
    const ask = dmsTo(ANA)
      .map(cardOf)
      .find((card) => /Waiting for approval: standup\.report/.test(textOf(card)));
    assert.ok(ask, 'the owner is asked in her personal chat');
    assert.match(textOf(ask), /could not tell how many people are in the channel/);
    const confirm = (ask.actions ?? []).find(
      (action) => 'verb' in action && action.verb === 'approval.approve',
    ) as { data?: Record<string, string> } | undefined;
    assert.equal(confirm?.data?.approvalId, id);
    await execute(ANA, 'approval.approve', confirm.data!);
    assert.equal((await server.approvals.store.get(TENANT, id))?.status, 'approved');
  });

  it("posts one report card on the next tick, each answer a card in the report's thread", async () => {
    await tick('2027-01-26T19:01:00Z');
    assert.equal(inChannel().length, 1, 'one report');
    const report = textOf(cardOf(inChannel()[0]!));
    assert.match(report, /Holiday \(IN\)/);
    assert.match(report, /1 answered, 1 waiting, 1 away/);
    const rootId = reportId();
    const delivered = await server.models.StandupDelivery.find({ tenantId: TENANT }).lean();
    assert.ok(
      JSON.stringify(delivered).includes(`"activityId":"${rootId}"`),
      'the report is remembered by the id Teams gave it',
    );
    assert.equal(inThreads().length, 1);
    assert.equal(inThreads()[0]!.conversationId, threadOf(rootId));
    assert.match(textOf(cardOf(inThreads()[0]!)), /Shipped the cache/);
    const before = sent().length;
    await tick('2027-01-26T19:02:00Z');
    assert.equal(sent().length, before, 'no second report, no second thread reply');
  });

  it('updates the report card in place for a late answer and adds the answer to its thread', async () => {
    clock = at('2027-01-26T19:30:00Z');
    const card = await execute(
      ANA,
      'standupSubmit',
      submitData(cardOf(dmsTo(ANA)[0]!), { answer_q1: 'Reviewed the cache', answer_q2: 'Pairing with Tui' }),
    );
    assert.match(textOf(card), /Thanks: your answer is in\./);
    const rootId = reportId();
    const [update] = await connector.waitForUpdates(rootId);
    assert.equal(update!.conversationId, CHANNEL);
    assert.match(textOf(cardOf(update!)), /2 answered, 0 waiting, 1 away/);
    await eventually(() => inThreads().length === 2, 'the late answer joins the thread');
    assert.equal(inThreads()[1]!.conversationId, threadOf(rootId));
    assert.match(textOf(cardOf(inThreads()[1]!)), /Reviewed the cache/);
    const before = sent().length;
    await tick('2027-01-26T19:35:00Z');
    assert.equal(sent().length, before, 'a tick after it posts nothing new');
    assert.equal(inChannel().length, 1);
  });

  /** The report's activity id as the connector gave it. */
  function reportId(): string {
    // The fake numbers what it accepts (`reply-<n>`) in the order it lists the posts.
    const index = connector
      .posts()
      .findIndex((post, position) => position >= setupPosts && post.conversationId === CHANNEL);
    assert.ok(index >= 0, 'the report is posted');
    return `reply-${index + 1}`;
  }
});
