import { Temporal } from 'temporal-polyfill';
import { formatDay } from '../availability/availability-commands.ts';
import type { DayStatus, WorkingCalendar } from '../availability/types.ts';
import { dayStatus } from '../availability/working-time.ts';
import type { ChatAccount, MemberDay, Standup } from './types.ts';

/** A wall-clock time on a member's local date as an instant; a time a DST change skips is taken as the moment after. */
function instantOn(date: string, time: string, timeZone: string): Date {
  const zoned = Temporal.PlainDate.from(date)
    .toPlainDateTime(Temporal.PlainTime.from(time))
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' });
  return new Date(zoned.epochMilliseconds);
}

/** The member's local date at an instant. */
export function localDateOf(calendar: WorkingCalendar, at: Date): string {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime())
    .toZonedDateTimeISO(calendar.timeZone)
    .toPlainDate()
    .toString();
}

/**
 * One member's standup day: prompted when the standup runs that weekday and the member works that day (their
 * own working days, holidays and time off); prompt, reminder and deadline are wall-clock times in their zone.
 */
export function planMemberDay(
  standup: Standup,
  member: ChatAccount,
  calendar: WorkingCalendar,
  date: string,
): MemberDay {
  const weekday = Temporal.PlainDate.from(date).dayOfWeek;
  const status: DayStatus = standup.days.includes(weekday) ? dayStatus(calendar, date) : { kind: 'day-off' };
  if (status.kind !== 'working') return { member, date, status };
  const deadline = instantOn(date, standup.deadlineTime, calendar.timeZone);
  const reminder =
    standup.reminderMinutes === null
      ? undefined
      : new Date(deadline.getTime() - standup.reminderMinutes * 60_000);
  return {
    member,
    date,
    status,
    promptAt: instantOn(date, standup.promptTime, calendar.timeZone).toISOString(),
    ...(reminder ? { reminderAt: reminder.toISOString() } : {}),
    deadlineAt: deadline.toISOString(),
  };
}

/** "Holiday (IN)", "Away until Jan 2", "Day off": why someone is not in a day's standup, never "missed". */
export function describeAbsence(status: DayStatus, today: string): string {
  switch (status.kind) {
    case 'holiday':
      return `Holiday (${status.region})`;
    case 'away':
      return `Away until ${formatDay(status.until, today)}`;
    case 'day-off':
      return 'Day off';
    case 'working':
      return 'Working';
  }
}

/** The standup days a tick looks at: each member's local today, and yesterday for a report not yet posted. */
export function candidateDates(calendars: Iterable<WorkingCalendar>, now: Date): string[] {
  const dates = new Set<string>();
  const dayBefore = new Date(now.getTime() - 24 * 3_600_000);
  for (const calendar of calendars) {
    dates.add(localDateOf(calendar, now));
    dates.add(localDateOf(calendar, dayBefore));
  }
  return [...dates].sort();
}

/** The standup day "today" means for a member answering now, or their next standup day ("answer for tomorrow"). */
export function answerDateFor(
  standup: Standup,
  member: ChatAccount,
  calendar: WorkingCalendar,
  now: Date,
  which: 'today' | 'next',
): string | undefined {
  const today = Temporal.PlainDate.from(localDateOf(calendar, now));
  if (which === 'today') return today.toString();
  for (let offset = 1; offset <= 31; offset += 1) {
    const date = today.add({ days: offset }).toString();
    if (planMemberDay(standup, member, calendar, date).status.kind === 'working') return date;
  }
  return undefined;
}
