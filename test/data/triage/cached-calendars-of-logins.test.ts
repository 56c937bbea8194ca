import assert from 'node:assert/strict';
import { buildCalendar } from '../../../handlers/availability/build-calendar.ts';
import type { WorkingCalendar } from '../../../handlers/availability/types.ts';
import { CALENDAR_TTL_MS, cacheCalendarsOfLogins } from '../../../data/triage/cached-calendars-of-logins.ts';

/** Stands in for the people and availability reads: counts what it is asked, answers a new calendar each time. */
function countingReads() {
  const asked: string[][] = [];
  let read = 0;
  return {
    asked,
    async calendarsOfLogins(tenantId: string, logins: readonly string[]) {
      asked.push([tenantId, ...logins]);
      read += 1;
      const zone = read % 2 ? 'Europe/Berlin' : 'Asia/Tokyo';
      return new Map<string, WorkingCalendar>(
        logins
          .filter((login) => login !== 'nobody')
          .map((login) => [login, buildCalendar({ timeZone: zone, timeOff: [] }, {}, () => undefined)]),
      );
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('calendars of logins cached per tenant (what a team /triage reads of people)', () => {
  it('reads a login once while fresh, per tenant, and remembers who has none', async () => {
    let now = 0;
    const reads = countingReads();
    const cached = cacheCalendarsOfLogins(reads.calendarsOfLogins, { clock: () => now });
    const first = await cached('T1', ['ana', 'bo', 'nobody']);
    assert.deepEqual([...first.keys()], ['ana', 'bo']);
    now += 1_000;
    const again = await cached('T1', ['bo', 'ana', 'nobody', 'bo']);
    assert.equal(again.get('ana'), first.get('ana'), 'the same calendar object, with its cached windows');
    await cached('T1', ['ana', 'cy']);
    await cached('T2', ['ana']);
    assert.deepEqual(reads.asked, [
      ['T1', 'ana', 'bo', 'nobody'],
      ['T1', 'cy'],
      ['T2', 'ana'],
    ]);
  });

  it('past half its life answers from the cache and reads again behind; past its life reads first', async () => {
    let now = 0;
    const reads = countingReads();
    const cached = cacheCalendarsOfLogins(reads.calendarsOfLogins, { clock: () => now });
    const first = await cached('T1', ['ana']);
    now = CALENDAR_TTL_MS / 2;
    const stale = await cached('T1', ['ana']);
    assert.equal(stale.get('ana'), first.get('ana'), 'not waited for');
    await settle();
    assert.equal(reads.asked.length, 2, 'refreshed in the background');
    const refreshed = await cached('T1', ['ana']);
    assert.notEqual(refreshed.get('ana'), first.get('ana'));
    assert.equal(refreshed.get('ana')!.timeZone, 'Asia/Tokyo');
    now += CALENDAR_TTL_MS;
    const expired = await cached('T1', ['ana']);
    assert.equal(reads.asked.length, 3, 'expired: read before answering');
    assert.equal(expired.get('ana')!.timeZone, 'Europe/Berlin');
  });

  it('a failed read fails the call, and nothing is kept from it', async () => {
    let fail = true;
    const reads = countingReads();
    const cached = cacheCalendarsOfLogins(async (tenantId, logins) => {
      if (fail) throw new Error('database down');
      return reads.calendarsOfLogins(tenantId, logins);
    });
    await assert.rejects(cached('T1', ['ana']), /database down/);
    fail = false;
    assert.ok((await cached('T1', ['ana'])).get('ana'));
  });
});
