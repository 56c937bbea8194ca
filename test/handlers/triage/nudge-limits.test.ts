import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { createAvailabilityStore } from '../../../data/availability/mongo-availability-store.ts';
import { createCalendarSource } from '../../../data/availability/create-calendar-source.ts';
import { createPublicHolidays } from '../../../data/availability/public-holidays.ts';
import { createIdentityDirectory } from '../../../data/identity/mongo-identity-directory.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import { createTriageMarks } from '../../../data/triage/mongo-triage-marks.ts';
import { createTriagePeople } from '../../../data/triage/triage-people.ts';
import type { ChatAccount, ChatPoster } from '../../../handlers/delivery/types.ts';
import { handleTriageAction } from '../../../handlers/triage/handle-triage-action.ts';
import type { TriageQueueView } from '../../../handlers/triage/queue-view.ts';
import { TRIAGE_ACTIONS } from '../../../handlers/triage/triage-actions.ts';
import type { TriagePorts } from '../../../handlers/triage/triage-ports.ts';
import type { Actor, View } from '../../../handlers/types.ts';
import { openTestDatabase } from '../../support/database.ts';
import { fixedQueue, triageItem, triagePull } from '../../support/triage-fixture.ts';

const TENANT = 'T0TRIAGE';
const ASKER: Actor = { surface: 'slack', tenantId: TENANT, userId: 'U0LEAD', displayName: 'lead' };
/** Thursday 10:00 UTC: inside the default hours (Mon–Fri 09:00–17:00 UTC) and Kolkata's 15:30. */
const THURSDAY = new Date('2026-12-03T10:00:00Z');

describe('triage nudges: one per PR per person per working day, in their working hours (real database)', () => {
  let connection: Connection;
  let models: Models;
  let now = THURSDAY;
  const sent: { account: ChatAccount; view: View }[] = [];
  const poster: Pick<ChatPoster, 'sendDirect'> = {
    async sendDirect(_tenantId, account, view) {
      sent.push({ account, view });
      return { ok: true, ref: { surface: 'slack', channel: `D-${account.handle}`, ts: `${sent.length}.0` } };
    },
  };
  const lastCommit = new Date('2026-12-01T09:00:00Z');
  const items = [
    // Waits on two reviewers: bob (linked to Slack) and cara (linked, works in Kolkata).
    triageItem(triagePull('acme/api', 1, { lastCommitAt: lastCommit }), { waitingOn: ['bob', 'cara'] }),
    // Waits on bob too, and on dan, who has no chat account, and on a bot.
    triageItem(triagePull('acme/api', 2, { lastCommitAt: lastCommit }), {
      waitingOn: ['bob', 'dan', 'renovate[bot]'],
    }),
    // Eve commented after the newest commit: she has answered.
    triageItem(
      triagePull('acme/api', 3, {
        lastCommitAt: lastCommit,
        reviews: [{ reviewer: 'eve', state: 'commented', at: new Date('2026-12-02T11:00:00Z') }],
      }),
      { waitingOn: ['eve'] },
    ),
  ];
  let ports: TriagePorts;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    await models.Repository.create({
      _id: `${TENANT}|acme/api`,
      tenantId: TENANT,
      repo: 'acme/api',
      provider: 'github',
    });
    const identity = createIdentityDirectory(models.Person);
    for (const [slack, github] of [
      ['U0BOB', 'bob'],
      ['U0CARA', 'cara'],
      ['U0EVE', 'eve'],
    ] as const) {
      await identity.link(
        TENANT,
        { tool: 'slack', handle: slack },
        { tool: 'github', handle: github },
        'manual',
      );
    }
    await createAvailabilityStore(models).save(
      TENANT,
      { tool: 'slack', handle: 'U0CARA' },
      { timeZone: 'Asia/Kolkata', timeOff: [] },
    );
    ports = {
      queue: fixedQueue({ items }),
      ...createTriagePeople(models),
      marks: createTriageMarks(models),
      calendars: createCalendarSource(models, createPublicHolidays()),
      poster,
      now: () => now,
    };
  });
  after(() => connection.close());
  beforeEach(() => {
    sent.length = 0;
  });

  const nudge = async (number: number) => {
    const view = await handleTriageAction(
      ASKER,
      TRIAGE_ACTIONS.nudge,
      { repo: 'acme/api', number, scopeArgs: 'acme/api' },
      { triage: ports },
    );
    assert.equal(view.kind, 'triage-queue');
    return (view as TriageQueueView).note ?? '';
  };
  const recipients = () => sent.map((message) => message.account.handle).sort();

  it('sends each person one DM per PR, however often it is clicked', async () => {
    const notes = await Promise.all([nudge(1), nudge(1), nudge(1)]);
    assert.deepEqual(recipients(), ['U0BOB', 'U0CARA']);
    assert.equal(notes.filter((note) => note.includes('Nudged @bob.')).length, 1);
    assert.equal(notes.filter((note) => note.includes('@bob was already nudged about it today.')).length, 2);
    const message = sent[0]!.view;
    assert.equal(message.kind, 'notice');
    assert.match(message.kind === 'notice' ? message.body : '', /https:\/\/github\.com\/acme\/api\/pull\/1/);
    assert.equal(await models.TriageNudge.countDocuments({ tenantId: TENANT }), 2);
    assert.ok(
      await models.TriageNudge.exists({ tenantId: TENANT, _id: `${TENANT}|acme/api#1|bob|2026-12-03` }),
    );
    assert.ok(
      await models.TriageNudge.exists({ tenantId: TENANT, _id: `${TENANT}|acme/api#1|cara|2026-12-03` }),
    );
  });

  it('counts per PR: the same person is nudged again about another PR the same day', async () => {
    const note = await nudge(2);
    assert.deepEqual(recipients(), ['U0BOB']);
    assert.match(note, /Nudged @bob\./);
    assert.match(note, /@dan has no chat account linked/);
    assert.doesNotMatch(note, /renovate/, 'bots are never nudged');
  });

  it('does not nudge a reviewer who commented after the last commit', async () => {
    const note = await nudge(3);
    assert.deepEqual(recipients(), []);
    assert.match(note, /@eve reviewed after the last commit, so no nudge\./);
  });

  it('sends nothing outside their working hours, and says when it becomes possible', async () => {
    now = new Date('2026-12-03T19:00:00Z'); // Thursday 19:00 UTC, Friday 00:30 in Kolkata
    const note = await nudge(1);
    assert.deepEqual(recipients(), []);
    assert.match(note, /@bob is outside working hours; you can nudge from Fri 09:00 their time\./);
    assert.match(note, /@cara is outside working hours; you can nudge from Fri 09:00 their time\./);
  });

  it('counts per working day in their own zone: the next day allows one more', async () => {
    now = new Date('2026-12-04T04:00:00Z'); // Friday 09:30 in Kolkata, before bob's day starts in UTC
    assert.match(await nudge(1), /Nudged @cara\./);
    now = new Date('2026-12-04T10:00:00Z');
    const notes = [await nudge(1), await nudge(1)];
    assert.deepEqual(recipients(), ['U0BOB', 'U0CARA']);
    assert.match(notes[0]!, /Nudged @bob\..*@cara was already nudged about it today\./);
    assert.match(notes[1]!, /@bob was already nudged about it today\./);
    assert.ok(
      await models.TriageNudge.exists({ tenantId: TENANT, _id: `${TENANT}|acme/api#1|cara|2026-12-04` }),
    );
  });

  it('gives the claim back when the DM cannot be delivered, so a later click can try again', async () => {
    now = new Date('2026-12-07T10:00:00Z'); // Monday
    const failing: TriagePorts = {
      ...ports,
      poster: { sendDirect: async () => ({ ok: false, error: 'ratelimited' }) },
    };
    const view = await handleTriageAction(
      ASKER,
      TRIAGE_ACTIONS.nudge,
      { repo: 'acme/api', number: 2, scopeArgs: '' },
      { triage: failing },
    );
    assert.match((view as TriageQueueView).note ?? '', /I could not reach @bob by direct message\./);
    assert.equal(
      await models.TriageNudge.exists({ tenantId: TENANT, _id: `${TENANT}|acme/api#2|bob|2026-12-07` }),
      null,
    );
    assert.match(await nudge(2), /Nudged @bob\./);
  });
});
