import { Temporal } from 'temporal-polyfill';
import type { DayStatus, WorkingCalendar } from './types.ts';

/** How far the search for someone's next working hour looks before it says there is none. */
const SEARCH_DAYS = 400;

function localDate(calendar: WorkingCalendar, at: Date): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime())
    .toZonedDateTimeISO(calendar.timeZone)
    .toPlainDate();
}

/** Whether a local date is worked, and if not, why: time off first, then a public holiday, then the weekly pattern. */
export function dayStatus(calendar: WorkingCalendar, date: string): DayStatus {
  const day = Temporal.PlainDate.from(date);
  const away = calendar.timeOff.find(
    (off) =>
      Temporal.PlainDate.compare(day, Temporal.PlainDate.from(off.from)) >= 0 &&
      Temporal.PlainDate.compare(day, Temporal.PlainDate.from(off.to)) <= 0,
  );
  if (away) return { kind: 'away', until: away.to, ...(away.note ? { note: away.note } : {}) };
  const region = calendar.holidayRegion;
  const holiday = region ? calendar.holidays(region, day.toString()) : undefined;
  if (region && holiday) return { kind: 'holiday', name: holiday, region };
  return calendar.workingDays.includes(day.dayOfWeek) ? { kind: 'working' } : { kind: 'day-off' };
}

/**
 * A working day's hours as epoch milliseconds. A wall-clock time that a daylight-saving change skips is taken
 * as the same moment later (02:30 on a spring-forward night is 03:30), one it repeats as the earlier moment.
 */
function workingWindow(calendar: WorkingCalendar, day: Temporal.PlainDate) {
  if (dayStatus(calendar, day.toString()).kind !== 'working') return undefined;
  const at = (time: string) =>
    day
      .toPlainDateTime(Temporal.PlainTime.from(time))
      .toZonedDateTime(calendar.timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
  return { start: at(calendar.workingHours.start), end: at(calendar.workingHours.end) };
}

/** Whether the person is within their working hours at this instant. */
export function isWorking(calendar: WorkingCalendar, at: Date): boolean {
  const window = workingWindow(calendar, localDate(calendar, at));
  return window !== undefined && window.start <= at.getTime() && at.getTime() < window.end;
}

/** The instant itself when the person is working, else when their next working hours begin (none within a year: undefined). */
export function nextWorkingStart(calendar: WorkingCalendar, at: Date): Date | undefined {
  const first = localDate(calendar, at);
  for (let offset = 0; offset < SEARCH_DAYS; offset += 1) {
    const window = workingWindow(calendar, first.add({ days: offset }));
    if (!window || window.end <= at.getTime()) continue;
    return new Date(Math.max(window.start, at.getTime()));
  }
  return undefined;
}

/** Milliseconds of the person's working hours between two instants: how long something waited in working time. */
export function workingDuration(calendar: WorkingCalendar, from: Date, to: Date): number {
  if (to <= from) return 0;
  const last = localDate(calendar, to);
  let total = 0;
  for (
    let day = localDate(calendar, from);
    Temporal.PlainDate.compare(day, last) <= 0;
    day = day.add({ days: 1 })
  ) {
    const window = workingWindow(calendar, day);
    if (!window) continue;
    total += Math.max(0, Math.min(window.end, to.getTime()) - Math.max(window.start, from.getTime()));
  }
  return total;
}
