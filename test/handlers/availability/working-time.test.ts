import assert from 'node:assert/strict';
import {
  dayStatus,
  isWorking,
  nextWorkingStart,
  workingDuration,
} from '../../../handlers/availability/working-time.ts';
import type { WorkingCalendar } from '../../../handlers/availability/types.ts';
import { buildCalendar } from '../../../handlers/availability/build-calendar.ts';
import { createPublicHolidays } from '../../../data/availability/public-holidays.ts';

const HOUR = 3_600_000;
const holidays = createPublicHolidays();
const at = (iso: string) => new Date(iso);

function calendar(overrides: Partial<WorkingCalendar>): WorkingCalendar {
  return {
    timeZone: 'UTC',
    workingDays: [1, 2, 3, 4, 5],
    workingHours: { start: '09:00', end: '17:00' },
    timeOff: [],
    holidays,
    ...overrides,
  };
}

describe('working time (one calendar for every feature)', () => {
  describe('UTC−8: America/Los_Angeles, US-CA holidays', () => {
    const ana = calendar({ timeZone: 'America/Los_Angeles', holidayRegion: 'US-CA' });

    it('keeps 09:00 local across the autumn change: Friday is UTC−7, Monday UTC−8', () => {
      assert.equal(isWorking(ana, at('2026-10-30T16:00:00Z')), true, 'Fri 09:00 PDT');
      assert.equal(isWorking(ana, at('2026-10-30T15:59:00Z')), false);
      assert.deepEqual(nextWorkingStart(ana, at('2026-10-31T00:00:00Z')), at('2026-11-02T17:00:00Z'));
      // Friday 09:00 PDT to Monday 10:00 PST: Friday's 8 hours and Monday's first.
      assert.equal(workingDuration(ana, at('2026-10-30T16:00:00Z'), at('2026-11-02T18:00:00Z')), 9 * HOUR);
    });

    it('counts the hours of the change day itself: 7 on the night clocks go back, 5 on the night they go forward', () => {
      const night = calendar({
        timeZone: 'America/Los_Angeles',
        workingDays: [7],
        workingHours: { start: '00:00', end: '06:00' },
      });
      assert.equal(workingDuration(night, at('2026-11-01T00:00:00Z'), at('2026-11-02T00:00:00Z')), 7 * HOUR);
      assert.equal(workingDuration(night, at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z')), 5 * HOUR);
    });

    it('skips Thanksgiving and the day after, and says why', () => {
      assert.deepEqual(dayStatus(ana, '2026-11-26'), {
        kind: 'holiday',
        name: 'Thanksgiving Day',
        region: 'US-CA',
      });
      assert.equal(isWorking(ana, at('2026-11-26T18:00:00Z')), false);
      assert.deepEqual(nextWorkingStart(ana, at('2026-11-25T20:00:00Z')), at('2026-11-25T20:00:00Z'));
      assert.deepEqual(nextWorkingStart(ana, at('2026-11-26T01:00:00Z')), at('2026-11-30T17:00:00Z'));
    });

    it('treats time off that spans a weekend and New Year as one absence, ending on its last day', () => {
      const away = { ...ana, timeOff: [{ from: '2026-12-24', to: '2027-01-02', note: 'family' }] };
      assert.deepEqual(dayStatus(away, '2026-12-26'), { kind: 'away', until: '2027-01-02', note: 'family' });
      assert.deepEqual(dayStatus(away, '2027-01-03'), { kind: 'day-off' }, 'a Sunday after it');
      assert.deepEqual(nextWorkingStart(away, at('2026-12-24T02:00:00Z')), at('2027-01-04T17:00:00Z'));
      // Wednesday 23 Dec 16:00 PST to Monday 4 Jan 10:00 PST: one hour each side of the absence.
      assert.equal(workingDuration(away, at('2026-12-24T00:00:00Z'), at('2027-01-04T18:00:00Z')), 2 * HOUR);
    });
  });

  describe('UTC+5:30: Asia/Kolkata, IN-KA holidays', () => {
    const dev = calendar({
      timeZone: 'Asia/Kolkata',
      holidayRegion: 'IN-KA',
      workingHours: { start: '09:30', end: '18:30' },
    });

    it('works on half-hour offsets and skips Gandhi Jayanti', () => {
      assert.equal(isWorking(dev, at('2026-10-01T04:00:00Z')), true, 'Thu 09:30 IST');
      assert.equal(isWorking(dev, at('2026-10-01T03:59:00Z')), false);
      assert.deepEqual(dayStatus(dev, '2026-10-02'), {
        kind: 'holiday',
        name: 'Gandhi Jayanti',
        region: 'IN-KA',
      });
      assert.deepEqual(nextWorkingStart(dev, at('2026-10-01T13:00:00Z')), at('2026-10-05T04:00:00Z'));
      assert.equal(workingDuration(dev, at('2026-10-01T12:00:00Z'), at('2026-10-05T05:00:00Z')), 2 * HOUR);
    });
  });

  describe('UTC+13: Pacific/Auckland, the southern hemisphere', () => {
    const kiri = calendar({ timeZone: 'Pacific/Auckland' });

    it('keeps 09:00 local when summer time ends in April: UTC+13 on Friday, UTC+12 on Monday', () => {
      assert.equal(isWorking(kiri, at('2026-04-02T20:00:00Z')), true, 'Fri 3 Apr 09:00 NZDT');
      assert.deepEqual(nextWorkingStart(kiri, at('2026-04-03T05:00:00Z')), at('2026-04-05T21:00:00Z'));
    });

    it('counts 5 hours on the night summer time starts, and moves a start the change skips to the hour after', () => {
      const night = calendar({
        timeZone: 'Pacific/Auckland',
        workingDays: [7],
        workingHours: { start: '00:00', end: '06:00' },
      });
      assert.equal(workingDuration(night, at('2026-09-26T10:00:00Z'), at('2026-09-27T10:00:00Z')), 5 * HOUR);
      const early = { ...night, workingHours: { start: '02:30', end: '06:00' } };
      // 02:30 does not exist on 27 Sep 2026 in Auckland: the day starts at 03:30 NZDT (14:30Z on the 26th).
      assert.deepEqual(nextWorkingStart(early, at('2026-09-26T12:00:00Z')), at('2026-09-26T14:30:00Z'));
    });
  });

  it('at UTC+13, skips a public holiday and a reported away over the weekend after it, as built from settings', () => {
    const kiri = buildCalendar(
      {
        timeOff: [],
        reportedTimeZone: 'Pacific/Auckland',
        reportedRegion: 'NZ',
        reportedAway: { from: '2026-02-07', to: '2026-02-09', note: 'Slack status' },
      },
      { hours: { workingDays: [1, 2, 3, 4, 5], workingHours: { start: '09:00', end: '17:00' } } },
      holidays,
    );
    assert.deepEqual(dayStatus(kiri, '2026-02-06'), { kind: 'holiday', name: 'Waitangi Day', region: 'NZ' });
    assert.deepEqual(dayStatus(kiri, '2026-02-08'), {
      kind: 'away',
      until: '2026-02-09',
      note: 'Slack status',
    });
    // Thursday 5 Feb 17:00 NZDT (UTC+13): next is Tuesday 10 Feb 09:00 NZDT.
    assert.deepEqual(nextWorkingStart(kiri, at('2026-02-05T04:00:00Z')), at('2026-02-09T20:00:00Z'));
    // Thursday 16:00 to Tuesday 10:00 NZDT: an hour each side.
    assert.equal(workingDuration(kiri, at('2026-02-05T03:00:00Z'), at('2026-02-09T21:00:00Z')), 2 * HOUR);
  });

  it('says there is no next working start for a calendar with no working days', () => {
    assert.equal(nextWorkingStart(calendar({ workingDays: [] }), at('2026-12-02T00:00:00Z')), undefined);
    assert.equal(workingDuration(calendar({}), at('2026-12-03T00:00:00Z'), at('2026-12-02T00:00:00Z')), 0);
  });
});
