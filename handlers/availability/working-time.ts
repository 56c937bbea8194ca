import { Temporal } from 'temporal-polyfill';
import type { DayStatus, HolidayLookup, WorkingCalendar } from './types.ts';

/** How far the search for someone's next working hour looks before it says there is none. */
const SEARCH_DAYS = 400;
const DAY_MS = 86_400_000;
/** Bounds of the window cache: calendars per holiday lookup, days per calendar. */
const MAX_CALENDARS = 10_000;
const MAX_DAYS = 4_000;

type Window = { start: number; end: number } | undefined;
type DayWindows = Map<number, Window>;

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

/**
 * Working windows by local day (days since 1970-01-01), computed once per calendar content and reused: Temporal's
 * zone arithmetic costs tens of microseconds a day, and a queue asks about the same people's same days for every
 * PR and every request. A window depends only on what the key holds and on the holiday lookup (one per process
 * in production, a pure function of region and date), so a cached window is the one the day would give again.
 */
const windowsByHolidays = new WeakMap<HolidayLookup, Map<string, DayWindows>>();
const windowsByCalendar = new WeakMap<WorkingCalendar, DayWindows>();

function windowsOf(calendar: WorkingCalendar): DayWindows {
  const known = windowsByCalendar.get(calendar);
  if (known && known.size < MAX_DAYS) return known;
  let byContent = windowsByHolidays.get(calendar.holidays);
  if (!byContent) windowsByHolidays.set(calendar.holidays, (byContent = new Map()));
  const { timeZone, workingDays, workingHours, holidayRegion, timeOff } = calendar;
  const key = JSON.stringify([
    timeZone,
    workingDays,
    workingHours.start,
    workingHours.end,
    holidayRegion ?? null,
    timeOff.map((off) => [off.from, off.to]),
  ]);
  let windows = byContent.get(key);
  if (!windows || windows.size >= MAX_DAYS) {
    if (byContent.size >= MAX_CALENDARS) byContent.clear();
    byContent.set(key, (windows = new Map()));
  }
  windowsByCalendar.set(calendar, windows);
  return windows;
}

const epochDayOf = (day: Temporal.PlainDate) => Date.UTC(day.year, day.month - 1, day.day) / DAY_MS;

function windowOn(calendar: WorkingCalendar, windows: DayWindows, epochDay: number): Window {
  if (windows.has(epochDay)) return windows.get(epochDay);
  const day = Temporal.PlainDate.from(new Date(epochDay * DAY_MS).toISOString().slice(0, 10));
  const window = workingWindow(calendar, day);
  windows.set(epochDay, window);
  return window;
}

/** Whether the person is within their working hours at this instant. */
export function isWorking(calendar: WorkingCalendar, at: Date): boolean {
  const window = windowOn(calendar, windowsOf(calendar), epochDayOf(localDate(calendar, at)));
  return window !== undefined && window.start <= at.getTime() && at.getTime() < window.end;
}

/** The instant itself when the person is working, else when their next working hours begin (none within a year: undefined). */
export function nextWorkingStart(calendar: WorkingCalendar, at: Date): Date | undefined {
  const first = epochDayOf(localDate(calendar, at));
  const windows = windowsOf(calendar);
  for (let offset = 0; offset < SEARCH_DAYS; offset += 1) {
    const window = windowOn(calendar, windows, first + offset);
    if (!window || window.end <= at.getTime()) continue;
    return new Date(Math.max(window.start, at.getTime()));
  }
  return undefined;
}

/**
 * Milliseconds of the person's working hours between two instants: how long something waited in working time.
 * Each local day from the first to the last adds its window's overlap; days come from the window cache.
 */
export function workingDuration(calendar: WorkingCalendar, from: Date, to: Date): number {
  if (to <= from) return 0;
  const windows = windowsOf(calendar);
  const last = epochDayOf(localDate(calendar, to));
  const start = from.getTime();
  const end = to.getTime();
  let total = 0;
  for (let day = epochDayOf(localDate(calendar, from)); day <= last; day += 1) {
    const window = windowOn(calendar, windows, day);
    if (window) total += Math.max(0, Math.min(window.end, end) - Math.max(window.start, start));
  }
  return total;
}
