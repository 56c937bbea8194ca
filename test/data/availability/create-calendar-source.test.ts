import assert from 'node:assert/strict';
import mongoose, { type Connection } from 'mongoose';
import { createCalendarSource } from '../../../data/availability/create-calendar-source.ts';
import { createAvailabilityStore } from '../../../data/availability/mongo-availability-store.ts';
import { createPublicHolidays } from '../../../data/availability/public-holidays.ts';
import { createIdentityDirectory } from '../../../data/identity/mongo-identity-directory.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import { dayStatus, isWorking } from '../../../handlers/availability/working-time.ts';
import type { AvailabilityStore, CalendarSource } from '../../../handlers/availability/types.ts';
import { openTestDatabase } from '../../support/database.ts';

const TENANT = 'T0CAL';

describe("calendar source: many people's calendars in a fixed handful of queries (real database)", () => {
  let connection: Connection;
  let models: Models;
  let store: AvailabilityStore;
  let calendars: CalendarSource;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    store = createAvailabilityStore(models);
    calendars = createCalendarSource(models, createPublicHolidays());
    const identity = createIdentityDirectory(models.Person);
    // Ana uses Slack and Teams: what she set in one holds in the other.
    await identity.link(
      TENANT,
      { tool: 'github', handle: 'ana' },
      { tool: 'slack', handle: 'UANA' },
      'manual',
    );
    await identity.link(
      TENANT,
      { tool: 'github', handle: 'ana' },
      { tool: 'teams', handle: 'aad-ana' },
      'manual',
    );
    await store.save(
      TENANT,
      { tool: 'slack', handle: 'UANA' },
      {
        timeZone: 'America/Los_Angeles',
        timeOff: [{ from: '2026-12-24', to: '2026-12-31', note: 'family' }],
        hours: { workingDays: [1, 2, 3, 4], workingHours: { start: '07:00', end: '15:00' } },
        holidayRegion: 'US-CA',
      },
    );
    await store.report(
      TENANT,
      { tool: 'slack', handle: 'UANA' },
      {
        reportedAway: { from: '2026-12-03', to: '2026-12-04', note: 'Slack status' },
      },
    );
    await store.report(
      TENANT,
      { tool: 'teams', handle: 'aad-dev' },
      {
        reportedTimeZone: 'Asia/Kolkata',
        reportedRegion: 'IN',
      },
    );
    await store.saveTeamDefaults(
      TENANT,
      {
        hours: { workingDays: [1, 2, 3, 4, 5], workingHours: { start: '10:00', end: '18:00' } },
        holidayRegion: 'DE-BY',
      },
      'slack:ULEAD',
    );
    // Another tenant's settings for the same handle must not leak in.
    await store.save(
      'T0OTHER',
      { tool: 'teams', handle: 'aad-dev' },
      { timeZone: 'Pacific/Auckland', timeOff: [] },
    );
  });
  after(() => connection.close());

  it('merges own settings over the team default, adds the reported away, and follows linked accounts', async () => {
    const found = await calendars.calendarsOf(TENANT, [
      { tool: 'slack', handle: 'UANA' },
      { tool: 'teams', handle: 'aad-ana' },
      { tool: 'teams', handle: 'aad-dev' },
      { tool: 'slack', handle: 'UNEW' },
    ]);
    assert.deepEqual([...found.keys()], ['slack:UANA', 'teams:aad-ana', 'teams:aad-dev', 'slack:UNEW']);
    const ana = found.get('teams:aad-ana')!;
    assert.equal(ana.timeZone, 'America/Los_Angeles');
    assert.deepEqual(ana.workingHours, { start: '07:00', end: '15:00' });
    assert.equal(ana.holidayRegion, 'US-CA');
    assert.deepEqual(dayStatus(ana, '2026-12-03'), {
      kind: 'away',
      until: '2026-12-04',
      note: 'Slack status',
    });
    assert.deepEqual(dayStatus(ana, '2026-12-28'), { kind: 'away', until: '2026-12-31', note: 'family' });

    const dev = found.get('teams:aad-dev')!;
    assert.equal(dev.timeZone, 'Asia/Kolkata', "the reported zone, not the other tenant's");
    assert.deepEqual(dev.workingHours, { start: '10:00', end: '18:00' }, "the team's hours");
    assert.equal(dev.holidayRegion, 'DE-BY', "the team's region wins over the locale's");
    assert.equal(isWorking(dev, new Date('2026-12-02T05:00:00Z')), true, '10:30 in Kolkata');

    const newcomer = found.get('slack:UNEW')!;
    assert.equal(newcomer.timeZone, 'UTC');
    assert.deepEqual(newcomer.workingDays, [1, 2, 3, 4, 5]);
    assert.deepEqual(dayStatus(newcomer, '2026-12-25'), {
      kind: 'holiday',
      name: '1. Weihnachtstag',
      region: 'DE-BY',
    });
  });

  it('asks the database three times however many accounts it is given', async () => {
    const queries: string[] = [];
    mongoose.set('debug', (collection: string, method: string) => queries.push(`${collection}.${method}`));
    try {
      const accounts = Array.from({ length: 300 }, (_, index) => ({
        tool: 'slack' as const,
        handle: `U${index}`,
      }));
      const found = await calendars.calendarsOf(TENANT, [...accounts, { tool: 'slack', handle: 'UANA' }]);
      assert.equal(found.size, 301);
      assert.equal(found.get('slack:UANA')?.holidayRegion, 'US-CA');
    } finally {
      mongoose.set('debug', false);
    }
    assert.deepEqual(queries.sort(), [
      'people.find',
      'person_availability.find',
      'team_availability.findOne',
    ]);
  });

  it('gives the built-in calendar where a tenant has nothing at all, and an empty map for no accounts', async () => {
    const found = await calendars.calendarsOf('T0EMPTY', [{ tool: 'teams', handle: 'aad-dev' }]);
    const calendar = found.get('teams:aad-dev')!;
    assert.deepEqual(
      [
        calendar.timeZone,
        calendar.workingDays,
        calendar.workingHours,
        calendar.holidayRegion,
        calendar.timeOff,
      ],
      ['UTC', [1, 2, 3, 4, 5], { start: '09:00', end: '17:00' }, undefined, []],
    );
    assert.equal((await calendars.calendarsOf(TENANT, [])).size, 0);
  });
});
