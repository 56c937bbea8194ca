import assert from 'node:assert/strict';
import { Temporal } from 'temporal-polyfill';
import { createPublicHolidays } from '../../../data/availability/public-holidays.ts';
import type { WorkingCalendar } from '../../../handlers/availability/types.ts';
import {
  dayStatus,
  isWorking,
  nextWorkingStart,
  workingDuration,
} from '../../../handlers/availability/working-time.ts';

const DAY = 86_400_000;

/** The day walk workingDuration did before its window cache, Temporal all the way: the reference. */
function walkedDuration(calendar: WorkingCalendar, from: Date, to: Date): number {
  if (to <= from) return 0;
  const local = (at: Date) =>
    Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(calendar.timeZone).toPlainDate();
  const moment = (day: Temporal.PlainDate, time: string) =>
    day
      .toPlainDateTime(Temporal.PlainTime.from(time))
      .toZonedDateTime(calendar.timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
  let total = 0;
  for (let day = local(from); Temporal.PlainDate.compare(day, local(to)) <= 0; day = day.add({ days: 1 })) {
    if (dayStatus(calendar, day.toString()).kind !== 'working') continue;
    const start = moment(day, calendar.workingHours.start);
    const end = moment(day, calendar.workingHours.end);
    total += Math.max(0, Math.min(end, to.getTime()) - Math.max(start, from.getTime()));
  }
  return total;
}

/** A fixed sequence, so a failure reproduces. */
function randomOf(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const holidays = createPublicHolidays();
// Zones with DST changes on different dates (and one without), hours that a change skips or repeats (02:00–03:00
// local in Europe and the US), holidays, time off and a non-Monday week.
const CALENDARS: WorkingCalendar[] = [
  {
    timeZone: 'America/Los_Angeles',
    workingDays: [1, 2, 3, 4, 5],
    workingHours: { start: '09:00', end: '17:00' },
    holidayRegion: 'US-CA',
    timeOff: [{ from: '2026-03-06', to: '2026-03-10' }],
    holidays,
  },
  {
    timeZone: 'Europe/Berlin',
    workingDays: [1, 2, 3, 4, 5],
    workingHours: { start: '01:30', end: '03:30' },
    holidayRegion: 'DE-BY',
    timeOff: [{ from: '2026-10-20', to: '2026-11-02', note: 'away' }],
    holidays,
  },
  {
    timeZone: 'America/New_York',
    workingDays: [1, 2, 3, 4, 5, 6, 7],
    workingHours: { start: '00:00', end: '23:59' },
    holidayRegion: 'US',
    timeOff: [],
    holidays,
  },
  {
    timeZone: 'Asia/Kolkata',
    workingDays: [7, 1, 2, 3, 4],
    workingHours: { start: '10:00', end: '18:30' },
    holidayRegion: 'IN',
    timeOff: [{ from: '2026-12-24', to: '2027-01-02' }],
    holidays,
  },
  {
    timeZone: 'Australia/Sydney',
    workingDays: [1, 2, 3, 4, 5],
    workingHours: { start: '08:00', end: '16:00' },
    timeOff: [],
    holidays,
  },
];

describe('working duration from the window cache', () => {
  it('equals the Temporal day walk on 2,000 random ranges across DST changes, holidays and time off', () => {
    const random = randomOf(7);
    const first = Date.parse('2026-01-01T00:00:00Z');
    for (let index = 0; index < 2_000; index += 1) {
      const calendar = CALENDARS[index % CALENDARS.length]!;
      const from = new Date(first + Math.floor(random() * 400 * DAY));
      // Mostly short waits, some of months.
      const to = new Date(
        from.getTime() + Math.floor(random() ** 3 * 150 * DAY) - (index % 50 === 0 ? DAY : 0),
      );
      assert.equal(
        workingDuration(calendar, from, to),
        walkedDuration(calendar, from, to),
        `${calendar.timeZone} ${from.toISOString()} → ${to.toISOString()}`,
      );
    }
  });

  it('gives the same answers to a new calendar object with the same content, and others to changed content', () => {
    const base = CALENDARS[0]!;
    const from = new Date('2026-03-02T00:00:00Z');
    const to = new Date('2026-03-14T00:00:00Z');
    const before = workingDuration(base, from, to);
    assert.equal(workingDuration({ ...base, timeOff: [...base.timeOff] }, from, to), before);
    const back = { ...base, timeOff: [] };
    assert.equal(workingDuration(back, from, to), walkedDuration(back, from, to));
    assert.ok(workingDuration(back, from, to) > before, 'no time off: more working hours');
    const later = { ...base, workingHours: { start: '10:00', end: '17:00' } };
    assert.equal(workingDuration(later, from, to), walkedDuration(later, from, to));
  });

  it('isWorking and nextWorkingStart read the same windows across a DST change', () => {
    const berlin = CALENDARS[1]!;
    // 2026-03-30 is a Monday; Europe springs forward on Sunday 2026-03-29, 02:00 → 03:00.
    assert.equal(isWorking(berlin, new Date('2026-03-30T00:00:00Z')), true); // 02:00 CEST
    assert.equal(isWorking(berlin, new Date('2026-03-30T02:00:00Z')), false); // 04:00 CEST
    assert.deepEqual(
      nextWorkingStart(berlin, new Date('2026-03-30T02:00:00Z')),
      new Date('2026-03-30T23:30:00Z'), // Tuesday 01:30 CEST
    );
  });
});
