import { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../availability/types.ts';
import { dayStatus } from '../availability/working-time.ts';
import { accountKey, type ChatAccount } from './types.ts';

/** Someone the calendar source knows nothing about works UTC office hours, Monday to Friday. */
const OFFICE_HOURS: WorkingCalendar = {
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:00' },
  timeOff: [],
  holidays: () => undefined,
};

export const calendarOf = (calendars: Map<string, WorkingCalendar>, account: ChatAccount): WorkingCalendar =>
  calendars.get(accountKey(account)) ?? OFFICE_HOURS;

/** The person's local date at this instant, `YYYY-MM-DD`. */
export function localDateOf(calendar: WorkingCalendar, at: Date): string {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime())
    .toZonedDateTimeISO(calendar.timeZone)
    .toPlainDate()
    .toString();
}

/** Working days after `date` up to and including the person's today: a blocker from Monday is 2 on Wednesday. */
export function workingDaysSince(calendar: WorkingCalendar, date: string, now: Date): number {
  const today = Temporal.PlainDate.from(localDateOf(calendar, now));
  let count = 0;
  for (
    let day = Temporal.PlainDate.from(date).add({ days: 1 });
    Temporal.PlainDate.compare(day, today) <= 0;
    day = day.add({ days: 1 })
  ) {
    if (dayStatus(calendar, day.toString()).kind === 'working') count += 1;
  }
  return count;
}
