import { buildCalendar } from '../availability/build-calendar.ts';
import type { WorkingCalendar } from '../availability/types.ts';

/** The calendar of a login nobody has linked to a person: Monday to Friday, 09:00–17:00 UTC, no holidays. */
export const DEFAULT_TRIAGE_CALENDAR: WorkingCalendar = buildCalendar({ timeOff: [] }, {}, () => undefined);

/** A login's calendar, or the default one when the map has none for it. GitHub logins ignore case. */
export function calendarOfLogin(
  calendars: ReadonlyMap<string, WorkingCalendar>,
  login: string,
): WorkingCalendar {
  return calendars.get(login) ?? calendars.get(login.toLowerCase()) ?? DEFAULT_TRIAGE_CALENDAR;
}
