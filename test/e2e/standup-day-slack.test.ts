import assert from 'node:assert/strict';
import { createStandupStore } from '../../data/standup/mongo-standup-store.ts';
import type { Standup, StandupSettings } from '../../handlers/standup/types.ts';
import { FakeSlack, type SlackCall } from '../fakes/slack-api.ts';
import { eventually, runStandupTickOn } from '../support/standup-tick.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { buttonClick, postInteraction, slackUser, viewSubmission } from '../support/slack-interactivity.ts';
import { postToSlack, slashCommandBody } from '../support/slack-signing.ts';

const SIGNING_SECRET = 'e2e-standup-day-signing-secret-012345';
const CHANNEL = 'C0DAILY';
// Ana in Los Angeles (UTC−8), Ravi in Bengaluru (UTC+5:30, Republic Day on Jan 26), Tui in Auckland (UTC+13 in
// January), Sam in London, away Jan 22 to Jan 27 (over a weekend).
const ANA = slackUser('U0ANA');
const RAVI = slackUser('U0RAVI');
const TUI = slackUser('U0TUI');
const SAM = slackUser('U0SAM');

const at = (iso: string) => new Date(iso);

const settingsOf = ({
  id: _id,
  tenantId: _tenant,
  createdAt: _c,
  updatedAt: _u,
  paused: _p,
  ...settings
}: Standup) => settings;

describe('a standup day in Slack, through the scheduler with the clock moved', function () {
  this.timeout(120_000);
  let slack: FakeSlack;
  let server: TestServer;
  let clock = at('2027-01-25T20:00:00Z');
  let standup: Standup;
  let sequence = 0;

  before(async () => {
    slack = new FakeSlack();
    // A private channel of 6: small enough for the default policy to post the report on its own.
    slack.channelInfo.set(CHANNEL, { name: 'platform-daily', is_private: true, num_members: 6 });
    await slack.http.start();
    server = await startTestServer(
      import.meta.url,
      {
        SLACK_BOT_TOKEN: 'xoxb-e2e-standup',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
      },
      { now: () => clock, scheduler: { processEvery: 100 } },
    );
    for (const [user, typed] of [
      [ANA, 'tz America/Los_Angeles'],
      [RAVI, 'tz Asia/Kolkata'],
      [RAVI, 'holidays IN'],
      [TUI, 'tz Pacific/Auckland'],
      [SAM, 'tz Europe/London'],
      [SAM, 'away 2027-01-22..2027-01-27 skiing'],
    ] as const) {
      await em(typed, user.id);
    }
    const settings: StandupSettings = {
      name: 'Platform daily',
      surface: 'slack',
      reportChannel: CHANNEL,
      owner: { tool: 'slack', handle: ANA.id },
      members: [ANA, RAVI, TUI, SAM].map((user) => ({ tool: 'slack' as const, handle: user.id })),
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
      slack.team.id,
      settings,
      clock,
    );
  });
  after(async () => {
    await server.close();
    await slack.http.stop();
  });

  async function em(text: string, userId: string): Promise<void> {
    const id = `em-${(sequence += 1)}`;
    const body = slashCommandBody({
      text,
      responseUrl: slack.responseUrl(id),
      teamId: slack.team.id,
      userId,
    });
    assert.equal((await postToSlack(server.url, body, SIGNING_SECRET)).status, 200);
    await slack.waitForResponse(id);
  }

  async function tick(now: string): Promise<void> {
    clock = at(now);
    await runStandupTickOn(server);
  }

  const posts = (): SlackCall[] => slack.calls('chat.postMessage');
  const dmsTo = (user: { id: string }) => posts().filter((call) => call.args.channel === user.id);
  const inChannel = () => posts().filter((call) => call.args.channel === CHANNEL);
  const textOf = (call: SlackCall) => `${String(call.args.text)} ${String(call.args.blocks ?? '')}`;

  async function answer(user: { id: string; name: string }, values: Record<string, string>, now: string) {
    clock = at(now);
    const prompt = dmsTo(user).at(0);
    assert.ok(prompt, `${user.id} has a prompt`);
    const opened = slack.calls('views.open').length;
    const blocks = JSON.parse(String(prompt.args.blocks)) as {
      elements?: { action_id: string; value: string }[];
    }[];
    const button = blocks
      .flatMap((block) => block.elements ?? [])
      .find((element) => element.action_id === 'standup_answer_open');
    assert.ok(button, 'the prompt has an Answer button');
    const click = buttonClick({
      teamId: slack.team.id,
      user,
      actionId: button.action_id,
      value: button.value,
      in: { channel: `D${user.id.slice(1)}`, messageTs: '1.000' },
    });
    assert.equal((await postInteraction(server.url, SIGNING_SECRET, click)).status, 200);
    const deadline = Date.now() + 5_000;
    while (slack.calls('views.open').length <= opened) {
      assert.ok(Date.now() < deadline, 'no answer modal opened');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const call = slack.calls('views.open').at(-1)!;
    const view = (typeof call.args.view === 'string' ? JSON.parse(call.args.view) : call.args.view) as Record<
      string,
      unknown
    >;
    const submission = viewSubmission({
      teamId: slack.team.id,
      user,
      view,
      values: Object.fromEntries(
        Object.entries(values).map(([id, text]) => [`answer_${id}`, { value: text }]),
      ),
    });
    const response = await postInteraction(server.url, SIGNING_SECRET, submission);
    assert.equal(response.status, 200);
    return { modal: view, ack: await response.text() };
  }

  it('prompts Tui at 09:30 in Auckland, reminds at 10:00, and no one else', async () => {
    await tick('2027-01-25T20:29:00Z');
    assert.equal(
      posts().length,
      0,
      'nobody before their prompt time, and no report for a day before the standup',
    );
    await tick('2027-01-25T20:30:00Z');
    assert.equal(dmsTo(TUI).length, 1);
    assert.match(textOf(dmsTo(TUI)[0]!), /Platform daily/);
    assert.equal(posts().length, 1);
    await tick('2027-01-25T21:00:00Z');
    assert.equal(dmsTo(TUI).length, 2);
    assert.match(textOf(dmsTo(TUI)[1]!), /Reminder/);
    await tick('2027-01-25T21:05:00Z');
    assert.equal(dmsTo(TUI).length, 2, 'nothing is sent twice');
  });

  it("takes Tui's answer from the modal, pre-filled, before the report", async () => {
    const { modal, ack } = await answer(
      TUI,
      { q1: 'Shipped the cache', q2: 'Review #42', q3: 'Waiting on acme/api#7 from Ana' },
      '2027-01-25T21:10:00Z',
    );
    assert.equal(modal.callback_id, 'standup_answer');
    assert.equal(ack, '', 'the modal closes');
    const answers = await server.models.StandupAnswer.find({ tenantId: slack.team.id }).lean();
    assert.equal(answers.length, 1);
    assert.equal(answers[0]!.date, '2027-01-26', "Tui's local date");
    assert.equal(inChannel().length, 0, 'the report waits for the last deadline');
  });

  it('prompts Ana at 09:30 in Los Angeles; not Ravi on Republic Day, not Sam on time off', async () => {
    await tick('2027-01-26T04:00:00Z');
    assert.equal(dmsTo(RAVI).length, 0, 'Ravi is on a public holiday');
    await tick('2027-01-26T17:30:00Z');
    assert.equal(dmsTo(ANA).length, 1);
    assert.equal(dmsTo(SAM).length, 0);
  });

  it('posts one report at the last deadline: who answered, who is away and why, the answers in its thread', async () => {
    await tick('2027-01-26T19:00:00Z');
    const reports = inChannel().filter((call) => !call.args.thread_ts);
    assert.equal(reports.length, 1);
    const report = textOf(reports[0]!);
    assert.match(report, /Holiday \(IN\)/);
    assert.match(report, /Away until Jan 27/);
    assert.match(report, /1 of 2 answered/);
    assert.doesNotMatch(report, /missed/i);
    const thread = inChannel().filter((call) => call.args.thread_ts);
    assert.equal(thread.length, 1);
    assert.match(textOf(thread[0]!), /Shipped the cache/);
    await tick('2027-01-26T19:01:00Z');
    assert.equal(inChannel().length, 2, 'no second report, no second thread reply');
  });

  it("joins a late answer to the thread and updates the report's counts in place; an edit updates the reply", async () => {
    const updates = () => slack.calls('chat.update');
    const reportTs = () => {
      const parent = inChannel().find((call) => !call.args.thread_ts)!;
      return slack
        .posts()
        .find((post) => post.channel === CHANNEL && !post.threadTs && post.text === parent.args.text)?.ts;
    };
    await answer(ANA, { q1: 'Reviewed the cache', q2: 'Pairing with Tui' }, '2027-01-26T19:30:00Z');
    await eventually(() => inChannel().length === 3, 'the late answer joins the thread');
    await eventually(
      () => updates().some((call) => /2 of 2 answered/.test(textOf(call))),
      'the report is updated',
    );
    const thread = inChannel().filter((call) => call.args.thread_ts);
    assert.equal(thread.length, 2);
    assert.equal(thread[1]!.args.thread_ts, reportTs());
    assert.match(textOf(thread[1]!), /Reviewed the cache/);
    const parentUpdate = updates().find((call) => /2 of 2 answered/.test(textOf(call)));
    assert.ok(parentUpdate, 'the parent now counts 2 of 2');

    const before = updates().length;
    await answer(
      ANA,
      { q1: 'Reviewed the cache and the docs', q2: 'Pairing with Tui' },
      '2027-01-26T19:40:00Z',
    );
    await eventually(
      () =>
        updates()
          .slice(before)
          .some((call) => /and the docs/.test(textOf(call))),
      'the reply is updated in place',
    );
    assert.equal(inChannel().length, 3, 'an edit posts nothing new');
  });

  it('prompts and reports nothing for a standup whose members are all away, and reports an empty day as such', async () => {
    const skiClub = await createStandupStore(server.models.Standup, server.models.StandupAnswer).create(
      slack.team.id,
      {
        ...settingsOf(standup),
        name: 'Ski club',
        reportChannel: 'C0SKI',
        members: [{ tool: 'slack', handle: SAM.id }],
      },
      clock,
    );
    const before = posts().length;
    await tick('2027-01-27T09:30:00Z');
    await tick('2027-01-27T19:00:00Z');
    assert.equal(dmsTo(SAM).length, 0, 'Sam is away through Jan 27');
    assert.equal(
      posts().filter((call) => call.args.channel === 'C0SKI').length,
      0,
      `${skiClub.name} posts no report`,
    );
    // Platform daily on Wednesday: nobody answered by the last deadline (Ana's, 11:00 in Los Angeles).
    const wednesday = posts()
      .slice(before)
      .filter((call) => call.args.channel === CHANNEL);
    assert.equal(wednesday.length, 1, 'one report and no thread replies');
    assert.match(textOf(wednesday[0]!), /0 of 3 answered/);
  });

  it('records a DM Slack refuses and tells the owner once, when the report goes out', async () => {
    const GONE = slackUser('U0GONE');
    slack.missingChannels.add(GONE.id);
    await createStandupStore(server.models.Standup, server.models.StandupAnswer).create(
      slack.team.id,
      {
        ...settingsOf(standup),
        name: 'Ops sync',
        reportChannel: 'C0OPS',
        members: [ANA, GONE].map((user) => ({ tool: 'slack' as const, handle: user.id })),
      },
      clock,
    );
    slack.channelInfo.set('C0OPS', { name: 'ops', is_private: true, num_members: 3 });
    const toAna = dmsTo(ANA).length;
    await tick('2027-01-28T09:30:00Z');
    const refused = await server.models.StandupDelivery.find({
      tenantId: slack.team.id,
      error: 'channel_not_found',
    }).lean();
    assert.equal(refused.length, 1, 'the refusal is recorded');
    await tick('2027-01-28T19:00:00Z');
    await tick('2027-01-28T19:01:00Z');
    assert.equal(posts().filter((call) => call.args.channel === 'C0OPS' && !call.args.thread_ts).length, 1);
    const notes = dmsTo(ANA)
      .slice(toAna)
      .filter((call) => /not prompted/.test(textOf(call)));
    assert.equal(notes.length, 1, 'the owner is told once');
    assert.match(textOf(notes[0]!), /U0GONE \(channel_not_found\)/);
  });

  it('keeps 09:30 local through daylight-saving changes in both hemispheres, through the scheduler', async () => {
    clock = at('2026-09-20T00:00:00Z');
    await createStandupStore(server.models.Standup, server.models.StandupAnswer).create(
      slack.team.id,
      {
        ...settingsOf(standup),
        name: 'DST check',
        reportChannel: 'C0DST',
        members: [ANA, TUI].map((user) => ({ tool: 'slack' as const, handle: user.id })),
      },
      clock,
    );
    const prompts = (user: { id: string }) =>
      dmsTo(user).filter((call) => /DST check/.test(textOf(call)) && /standup_answer_open/.test(textOf(call)))
        .length;
    // Auckland moves from UTC+12 to UTC+13 on Sunday 2026-09-27: Friday's 09:30 is 21:30Z, Monday's 20:30Z.
    await tick('2026-09-24T21:30:00Z');
    assert.equal(prompts(TUI), 1);
    await tick('2026-09-27T20:29:00Z');
    assert.equal(prompts(TUI), 1, 'not before 09:30 local');
    await tick('2026-09-27T20:30:00Z');
    assert.equal(prompts(TUI), 2);
    // Los Angeles moves from UTC−7 to UTC−8 on Sunday 2026-11-01: Friday's 09:30 is 16:30Z, Monday's 17:30Z.
    await tick('2026-10-30T16:30:00Z');
    assert.equal(prompts(ANA), 1);
    await tick('2026-11-02T16:30:00Z');
    assert.equal(prompts(ANA), 1, 'not an hour early');
    await tick('2026-11-02T17:30:00Z');
    assert.equal(prompts(ANA), 2);
  });
});
