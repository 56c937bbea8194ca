import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { createAvailabilityStore } from '../../../data/availability/mongo-availability-store.ts';
import { createIdentityDirectory } from '../../../data/identity/mongo-identity-directory.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import {
  markBack,
  recordTimeOff,
  setTimeZone,
} from '../../../handlers/availability/availability-commands.ts';
import type { AvailabilityStore } from '../../../handlers/availability/types.ts';
import type { CommandInput, NoticeView } from '../../../handlers/types.ts';
import { openTestDatabase } from '../../support/database.ts';

const TENANT = 'T0AVAIL';
const NOW = new Date('2026-12-02T15:00:00Z');

function input(surface: 'slack' | 'teams', userId: string, text: string): CommandInput {
  const [name = '', ...args] = text.split(/\s+/).filter(Boolean);
  return {
    actor: { surface, tenantId: TENANT, userId },
    name,
    args,
    rawArgs: args.join(' '),
  } as CommandInput;
}

const bodyOf = (reply: { view: unknown }) => {
  const view = reply.view as NoticeView;
  return `${view.title}: ${view.body}`;
};

describe('tz, away and back (availability commands, on the real database)', () => {
  let connection: Connection;
  let models: Models;
  let store: AvailabilityStore;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    store = createAvailabilityStore(models);
  });
  after(() => connection.close());

  it('sets an IANA zone by any spelling, refuses one that does not exist, and shows it', async () => {
    assert.match(
      bodyOf(await setTimeZone(input('slack', 'U1', 'tz'), store, NOW)),
      /Not set, and your chat profile says none/,
    );
    assert.match(
      bodyOf(await setTimeZone(input('slack', 'U1', 'tz asia/kolkata'), store, NOW)),
      /Asia\/Kolkata \(UTC\+05:30 now\)/,
    );
    assert.match(
      bodyOf(await setTimeZone(input('slack', 'U1', 'tz Mars/Olympus'), store, NOW)),
      /do not know that time zone/,
    );
    assert.match(bodyOf(await setTimeZone(input('slack', 'U1', 'tz'), store, NOW)), /Asia\/Kolkata/);
    assert.equal((await store.settingsOf(TENANT, { tool: 'slack', handle: 'U1' })).timeZone, 'Asia/Kolkata');
  });

  it('records time off, refuses impossible or past ranges, and lists what is still to come', async () => {
    const away = (text: string) => recordTimeOff(input('slack', 'U2', text), store, NOW).then(bodyOf);
    assert.match(await away('away'), /None planned/);
    assert.match(
      await away('away 2026-12-24..2027-01-02 family trip'),
      /Dec 24 to Jan 2, 2027 \(family trip\)/,
    );
    assert.match(await away('away 2026-02-30'), /Which days/);
    assert.match(await away('away 2026-12-10..2026-12-09'), /before the first/);
    assert.match(await away('away 2026-11-02..2026-11-03'), /already over/);
    assert.match(await away('away 2026-12-01..2028-01-01'), /more than 366 days/);
    assert.match(await away('away 2026-12-11'), /Dec 11 to Dec 11/);
    assert.equal(await away('away'), 'Your time off: Dec 11 to Dec 11; Dec 24 to Jan 2, 2027 (family trip).');
  });

  it('ends only the time off under way with back, keeping what is planned later', async () => {
    const who = input('teams', '9878f927-48e2-43c2-b9a3-eaeeceeadccb', 'back');
    assert.match(bodyOf(await markBack(who, store, NOW)), /not away/);
    await recordTimeOff(
      { ...who, name: 'away', args: ['2026-11-30..2026-12-04'] },
      store,
      new Date('2026-11-29T12:00:00Z'),
    );
    await recordTimeOff({ ...who, name: 'away', args: ['2026-12-24..2026-12-26'] }, store, NOW);
    assert.match(bodyOf(await markBack(who, store, NOW)), /Welcome back/);
    const { timeOff } = await store.settingsOf(TENANT, { tool: 'teams', handle: who.actor.userId });
    assert.deepEqual(timeOff, [
      { from: '2026-11-30', to: '2026-12-01' },
      { from: '2026-12-24', to: '2026-12-26' },
    ]);
  });

  it('keeps one calendar per person: set in Slack, read in Teams once the accounts are linked', async () => {
    const identity = createIdentityDirectory(models.Person);
    await identity.link(
      TENANT,
      { tool: 'github', handle: 'ana-lima' },
      { tool: 'slack', handle: 'U3' },
      'manual',
    );
    await identity.link(
      TENANT,
      { tool: 'github', handle: 'ana-lima' },
      { tool: 'teams', handle: 'aad-ana' },
      'manual',
    );
    await setTimeZone(input('slack', 'U3', 'tz Pacific/Auckland'), store, NOW);
    assert.equal(
      (await store.settingsOf(TENANT, { tool: 'teams', handle: 'aad-ana' })).timeZone,
      'Pacific/Auckland',
    );
    assert.equal((await store.settingsOf('T0OTHER', { tool: 'slack', handle: 'U3' })).timeZone, undefined);
  });

  it('counts days in the zone the chat platform reports until the person picks one, which then wins', async () => {
    const account = { tool: 'teams' as const, handle: 'aad-kiri' };
    const who = input('teams', account.handle, 'away 2026-12-02');
    assert.match(bodyOf(await recordTimeOff(who, store, NOW)), /Time off recorded/, 'still Dec 2 in UTC');
    await store.report(TENANT, account, { reportedTimeZone: 'Pacific/Kiritimati' });
    assert.match(bodyOf(await recordTimeOff(who, store, NOW)), /already over/, 'already Dec 3 at UTC+14');
    assert.match(
      bodyOf(await setTimeZone({ ...who, name: 'tz', args: [] }, store, NOW)),
      /as your chat profile says/,
    );
    await setTimeZone({ ...who, name: 'tz', args: ['UTC'] }, store, NOW);
    await store.report(TENANT, account, { reportedTimeZone: 'Asia/Tokyo' });
    const settings = await store.settingsOf(TENANT, account);
    assert.equal(settings.timeZone, 'UTC');
    assert.equal(settings.reportedTimeZone, 'Asia/Tokyo');
    assert.match(bodyOf(await recordTimeOff(who, store, NOW)), /Time off recorded/, 'the choice wins');
  });
});
