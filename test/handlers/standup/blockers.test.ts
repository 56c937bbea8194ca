import assert from 'node:assert/strict';
import { WebClient } from '@slack/web-api';
import type { Connection } from 'mongoose';
import { renderViewForSlack } from '../../../cards/slack/render-view.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import { countStandupDay } from '../../../data/models/standup-day.ts';
import { createWorkItems } from '../../../data/standup/fact-work-items.ts';
import { createBlockerStore } from '../../../data/standup/mongo-blocker-store.ts';
import type { CalendarSource, WorkingCalendar } from '../../../handlers/availability/types.ts';
import type { ChatPoster } from '../../../handlers/delivery/types.ts';
import type { BlockerDeps } from '../../../handlers/standup/blocker-types.ts';
import { openBlockersOf, recordBlockers } from '../../../handlers/standup/blockers.ts';
import { closeBlockersFromFacts } from '../../../handlers/standup/close-blockers-from-facts.ts';
import { escalateBlockers } from '../../../handlers/standup/escalate-blockers.ts';
import { nudgeBlockers } from '../../../handlers/standup/nudge-blockers.ts';
import { standupStats } from '../../../handlers/standup/standup-stats.ts';
import { accountKey, type Standup, type StandupAnswer } from '../../../handlers/standup/types.ts';
import { FakeSlack } from '../../fakes/slack-api.ts';
import { openTestDatabase } from '../../support/database.ts';

const T = 'T1';
const at = (iso: string) => new Date(iso);
const slackUser = (handle: string) => ({ tool: 'slack' as const, handle });
const REPORTER = slackUser('U0REP');
const OWNER = slackUser('U0OWNER');

/** The delivery port as the bot will have it for Slack, over the wire to the fake: a DM is chat.postMessage to the user. */
function slackPoster(client: WebClient): ChatPoster {
  const unused = () => Promise.reject(new Error('not used by blockers'));
  return {
    async sendDirect(_tenantId, account, view) {
      const message = renderViewForSlack(view);
      try {
        const result = await client.chat.postMessage({
          channel: account.handle,
          text: message.text,
          blocks: message.blocks as never,
        });
        return { ok: true, ref: { surface: 'slack', channel: result.channel!, ts: result.ts! } };
      } catch (error) {
        return { ok: false, error: (error as Error).message };
      }
    },
    post: unused,
    update: unused,
  };
}

const officeHours = (overrides: Partial<WorkingCalendar> = {}): WorkingCalendar => ({
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:00' },
  timeOff: [],
  holidays: () => undefined,
  ...overrides,
});

const standup: Standup = {
  id: 'S1',
  tenantId: T,
  name: 'Platform daily',
  surface: 'slack',
  reportChannel: 'C0PLATFORM',
  owner: OWNER,
  members: [REPORTER],
  memberSource: { kind: 'people' },
  questions: [
    { id: 'q1', text: 'What did you do?', kind: 'text' },
    { id: 'q2', text: 'Anything blocking you?', kind: 'text', blockers: true },
  ],
  days: [1, 2, 3, 4, 5],
  promptTime: '09:30',
  deadlineTime: '11:00',
  reminderMinutes: null,
  paused: false,
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
};

const answerOf = (date: string, blockers: string, submittedAt = `${date}T09:40:00Z`): StandupAnswer => ({
  tenantId: T,
  standupId: standup.id,
  date,
  member: REPORTER,
  displayName: 'Riya',
  answers: { q1: 'Shipped the retry fix', q2: blockers },
  submittedAt,
  late: false,
});

describe('standup blockers (real database, Slack over the wire)', () => {
  let connection: Connection;
  let models: Models;
  let slack: FakeSlack;
  let deps: BlockerDeps;
  const calendars = new Map<string, WorkingCalendar>();

  const dms = () =>
    slack
      .calls('chat.postMessage')
      .map((call) => ({ to: String(call.args.channel), text: String(call.args.text) }));
  const blockers = () => models.StandupBlocker.find({ tenantId: T }).sort({ openedAt: 1 }).lean();
  const day = (date: string) => models.StandupDay.findOne({ tenantId: T, _id: `${T}|S1|${date}` }).lean();

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    slack = new FakeSlack();
    await slack.http.start();
    const calendarSource: CalendarSource = {
      async calendarsOf(_tenantId, accounts) {
        return new Map(
          accounts.flatMap((account) => {
            const calendar = calendars.get(accountKey(account));
            return calendar ? [[accountKey(account), calendar] as const] : [];
          }),
        );
      },
    };
    deps = {
      blockers: createBlockerStore(models),
      work: createWorkItems(models),
      calendars: calendarSource,
      poster: slackPoster(
        new WebClient('xoxb-blockers-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }),
      ),
      escalateAfterDays: 2,
      jiraBaseUrl: 'https://acme.atlassian.net',
    };
  });
  after(async () => {
    await slack.http.stop();
    await connection.close();
  });

  beforeEach(async () => {
    await Promise.all([
      models.StandupBlocker.deleteMany({ tenantId: T }),
      models.StandupDay.deleteMany({ tenantId: T }),
      models.DeliveryClaim.deleteMany({ tenantId: T }),
      models.PullRequest.deleteMany({ tenantId: T }),
      models.JiraIssue.deleteMany({ tenantId: T }),
      models.Person.deleteMany({ tenantId: T }),
    ]);
    slack.http.requests.length = 0;
    slack.channelsWithoutBot.clear();
    calendars.clear();
    // Riya (the reporter) opened acme/api#42 and asked Alice, then Bob, to review it.
    const person = (tool: string, handle: string, personId: string) => ({
      _id: `${T}|${tool}|${handle}`,
      tenantId: T,
      tool,
      handle,
      personId,
    });
    await models.Person.insertMany([
      person('slack', 'U0REP', 'p-riya'),
      person('github', 'riya', 'p-riya'),
      person('slack', 'U0ALICE', 'p-alice'),
      person('github', 'alice', 'p-alice'),
      person('slack', 'U0BOB', 'p-bob'),
      person('github', 'bob', 'p-bob'),
      person('slack', 'U0CARL', 'p-carl'),
      person('jira', 'jira-carl', 'p-carl'),
    ]);
    await models.PullRequest.create({
      _id: `${T}|acme/api|42`,
      tenantId: T,
      repo: 'acme/api',
      number: 42,
      author: 'riya',
      title: 'Retry webhook deliveries',
      url: 'https://github.com/acme/api/pull/42',
      state: 'open',
      requestedReviewers: ['alice', 'bob'],
      openedAt: at('2026-11-27T10:00:00Z'),
    });
    // Alice is away all week; everyone works UTC office hours.
    calendars.set('slack:U0ALICE', officeHours({ timeOff: [{ from: '2026-11-30', to: '2026-12-04' }] }));
    for (const handle of ['U0REP', 'U0BOB', 'U0OWNER', 'U0CARL'])
      calendars.set(`slack:${handle}`, officeHours());
  });

  it('links a bare #42 to the member’s repository and nudges the next reviewer when the first is away', async () => {
    // Monday 2026-11-30, before anyone's hours.
    await recordBlockers(
      deps,
      standup,
      answerOf('2026-11-30', 'Waiting on review of #42'),
      at('2026-11-30T08:00:00Z'),
    );
    const [blocker] = await blockers();
    assert.deepEqual(blocker?.items, [
      {
        kind: 'pr',
        repo: 'acme/api',
        number: 42,
        url: 'https://github.com/acme/api/pull/42',
        title: 'Retry webhook deliveries',
      },
    ]);
    // Riya wrote the PR, so its reviewers are asked, never Riya herself.
    assert.deepEqual(
      blocker?.unblockers.map((unblocker) => [unblocker.account.handle, unblocker.role]),
      [
        ['U0ALICE', 'reviewer'],
        ['U0BOB', 'reviewer'],
      ],
    );

    // Bob's hours have not begun: the nudge waits for them.
    assert.equal(await nudgeBlockers(deps, T, at('2026-11-30T08:30:00Z')), 0);
    assert.deepEqual(dms(), []);

    assert.equal(await nudgeBlockers(deps, T, at('2026-11-30T10:00:00Z')), 1);
    const [nudge] = dms();
    assert.equal(nudge?.to, 'U0BOB');
    assert.match(nudge!.text, /Riya is blocked/);
    assert.match(nudge!.text, /acme\/api#42 Retry webhook deliveries/);
    assert.match(nudge!.text, /https:\/\/github\.com\/acme\/api\/pull\/42/);
    assert.deepEqual((await blockers())[0]?.nudges, [{ target: 'slack:U0BOB', date: '2026-11-30' }]);
  });

  it('nudges once per working day however often the job runs, and again the next working day', async () => {
    await recordBlockers(
      deps,
      standup,
      answerOf('2026-11-27', 'Waiting on review of #42'),
      at('2026-11-27T09:40:00Z'),
    );
    await Promise.all([
      nudgeBlockers(deps, T, at('2026-11-30T10:00:00Z')),
      nudgeBlockers(deps, T, at('2026-11-30T10:00:00Z')),
    ]);
    await nudgeBlockers(deps, T, at('2026-11-30T13:00:00Z'));
    assert.deepEqual(
      dms().map((dm) => dm.to),
      ['U0BOB'],
    );
    await nudgeBlockers(deps, T, at('2026-12-01T09:15:00Z'));
    assert.deepEqual(
      dms().map((dm) => dm.to),
      ['U0BOB', 'U0BOB'],
    );
  });

  it('skips a candidate on a public holiday and tries again after a failed send', async () => {
    calendars.set(
      'slack:U0BOB',
      officeHours({
        holidayRegion: 'XX',
        holidays: (_region, date) => (date === '2026-11-30' ? 'Founders Day' : undefined),
      }),
    );
    await recordBlockers(
      deps,
      standup,
      answerOf('2026-11-30', 'Review of https://github.com/acme/api/pull/42, or <@U0CARL> decides'),
      at('2026-11-30T09:40:00Z'),
    );
    // Alice away, Bob on holiday: Carl, named in the answer, is next.
    slack.channelsWithoutBot.add('U0CARL');
    assert.equal(await nudgeBlockers(deps, T, at('2026-11-30T10:00:00Z')), 0);
    slack.channelsWithoutBot.clear();
    assert.equal(await nudgeBlockers(deps, T, at('2026-11-30T10:15:00Z')), 1);
    assert.deepEqual(
      slack.calls('chat.postMessage').map((call) => call.args.channel),
      ['U0CARL', 'U0CARL'],
    );
  });

  it('nudges the Jira assignee of an issue named by key, with a link to it', async () => {
    await models.JiraIssue.create({
      _id: `${T}|10001`,
      tenantId: T,
      issueId: '10001',
      key: 'PAY-12',
      summary: 'Sandbox credentials',
      statusCategory: 'indeterminate',
      assignee: 'jira-carl',
    });
    await recordBlockers(
      deps,
      standup,
      answerOf('2026-11-30', 'PAY-12 needs sandbox keys'),
      at('2026-11-30T09:40:00Z'),
    );
    assert.equal(await nudgeBlockers(deps, T, at('2026-11-30T10:00:00Z')), 1);
    assert.equal(dms()[0]?.to, 'U0CARL');
    assert.match(
      dms()[0]!.text,
      /PAY-12 Sandbox credentials \(https:\/\/acme\.atlassian\.net\/browse\/PAY-12\)/,
    );
  });

  it('counts an edited answer once, and carries open blockers into the next day’s draft once', async () => {
    const monday = '2026-11-30';
    await recordBlockers(
      deps,
      standup,
      answerOf(monday, 'Waiting on review of #42'),
      at('2026-11-30T09:40:00Z'),
    );
    await recordBlockers(
      deps,
      standup,
      answerOf(monday, '- Waiting on review of #42\n- staging is down'),
      at('2026-11-30T09:50:00Z'),
    );
    await recordBlockers(
      deps,
      standup,
      answerOf(monday, 'Waiting on review of #42'),
      at('2026-11-30T10:00:00Z'),
    );
    assert.equal((await blockers()).length, 1);
    assert.equal((await day(monday))?.blockersOpened, 1);
    // The line kept through the edits is the blocker first reported, not a new one.
    assert.deepEqual((await blockers())[0]?.openedAt, at('2026-11-30T09:40:00Z'));

    const tuesday = '2026-12-01';
    for (let run = 0; run < 2; run += 1) {
      assert.deepEqual(await openBlockersOf(deps, T, 'S1', REPORTER, tuesday), ['Waiting on review of #42']);
    }
    assert.equal((await day(tuesday))?.blockersCarried, 1);
    assert.equal((await blockers())[0]?.carriedCount, 1);
    // Today's own blockers are not carried into today.
    assert.deepEqual(await openBlockersOf(deps, T, 'S1', REPORTER, monday), []);

    // Written again on Tuesday, it is the same blocker; "none" on Wednesday closes it.
    await recordBlockers(
      deps,
      standup,
      answerOf(tuesday, 'still waiting on acme/api#42'),
      at('2026-12-01T09:40:00Z'),
    );
    assert.equal((await blockers()).length, 1);
    await recordBlockers(deps, standup, answerOf('2026-12-02', 'none'), at('2026-12-02T09:40:00Z'));
    const [closed] = await blockers();
    assert.equal(closed?.status, 'closed');
    assert.equal(closed?.closedBy, 'member');
    assert.equal((await day('2026-12-02'))?.blockersClosed, 1);
  });

  it('escalates to the owner after 2 working days, within their hours, once', async () => {
    // Friday: the weekend does not count.
    await recordBlockers(
      deps,
      standup,
      answerOf('2026-11-27', 'staging is down'),
      at('2026-11-27T09:40:00Z'),
    );
    assert.equal(await escalateBlockers(deps, T, at('2026-11-30T12:00:00Z')), 0);
    assert.equal(await escalateBlockers(deps, T, at('2026-12-01T08:00:00Z')), 0, 'before the owner’s hours');
    // Two runs at once (two processes): one escalation.
    const both = await Promise.all([
      escalateBlockers(deps, T, at('2026-12-01T09:30:00Z')),
      escalateBlockers(deps, T, at('2026-12-01T09:30:00Z')),
    ]);
    assert.equal(both[0] + both[1], 1);
    assert.equal(await escalateBlockers(deps, T, at('2026-12-02T10:00:00Z')), 0);
    assert.deepEqual(
      dms().map((dm) => dm.to),
      ['U0OWNER'],
    );
    assert.match(dms()[0]!.text, /Riya has been blocked for 2 working days/);
    assert.ok((await blockers())[0]?.escalatedAt);
  });

  it('closes a blocker when its PR merges, counts it, and reports team-level stats', async () => {
    await recordBlockers(
      deps,
      standup,
      answerOf('2026-11-30', 'Waiting on review of #42'),
      at('2026-11-30T09:00:00Z'),
    );
    assert.equal(await closeBlockersFromFacts(deps, T, at('2026-11-30T12:00:00Z')), 0);
    await models.PullRequest.updateOne(
      { tenantId: T, _id: `${T}|acme/api|42` },
      { $set: { state: 'merged' } },
    );
    // Two runs at once: closed and counted once.
    const both = await Promise.all([
      closeBlockersFromFacts(deps, T, at('2026-11-30T15:00:00Z')),
      closeBlockersFromFacts(deps, T, at('2026-11-30T15:00:00Z')),
    ]);
    assert.equal(both[0] + both[1], 1);
    assert.equal(await closeBlockersFromFacts(deps, T, at('2026-11-30T15:15:00Z')), 0);
    const [blocker] = await blockers();
    assert.equal(blocker?.closedBy, 'fact:pr-merged');
    assert.equal(await nudgeBlockers(deps, T, at('2026-11-30T15:30:00Z')), 0);

    await countStandupDay(models.StandupDay, T, 'S1', '2026-11-30', { prompted: 4, answered: 3, away: 1 });
    await countStandupDay(models.StandupDay, T, 'S1', '2026-11-30', { answered: 1 });
    const stats = await standupStats(
      {
        blockers: deps.blockers,
        standups: { get: async (_tenantId, id) => (id === 'S1' ? standup : undefined) },
      },
      T,
      'S1',
      at('2026-12-02T12:00:00Z'),
    );
    assert.deepEqual(stats, {
      kind: 'standup-stats',
      standupName: 'Platform daily',
      days: [{ date: '2026-11-30', prompted: 4, answered: 4 }],
      blockers: { opened: 1, closed: 1, carried: 0, medianHoursToUnblock: 6 },
    });
  });
});
