/**
 * Working hours in a named time zone, with nothing but `Intl` and `Date`.
 * A working window is one local day's `start`–`end` (wall-clock time in `timezone`) on a listed weekday;
 * windows never cross midnight. Daylight-saving changes are followed through the time zone database.
 */

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface WorkingHours {
  /** IANA time zone, e.g. `Europe/Paris`. */
  timezone: string;
  days: readonly Weekday[];
  /** `HH:MM`, local time. */
  start: string;
  /** `HH:MM` after `start`, local time; `24:00` means midnight at the end of the day. */
  end: string;
}

const DAY_MS = 86_400_000;
const CLOCK_PATTERN = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** True when `Intl` knows the time zone (`Europe/Paris`, `America/New_York`, `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Minutes after local midnight for `HH:MM` (and `24:00`), or `undefined`. */
export function clockMinutes(text: string): number | undefined {
  if (text === '24:00') return 24 * 60;
  const match = CLOCK_PATTERN.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading in `timeZone` at an instant (whole seconds). */
export function localTimeAt(ms: number, timeZone: string): LocalTime {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** How far `timeZone`'s wall clock is ahead of UTC at an instant, in ms (Paris in summer: 7200000). */
function offsetAt(ms: number, timeZone: string): number {
  const local = localTimeAt(ms, timeZone);
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant at which `timeZone`'s wall clock reads `minutes` after midnight of the given local date.
 * A time that happens twice (clocks going back) gives the first one; a time that never happens (clocks
 * going forward) gives the moment the clocks jump, i.e. the first instant of the day at or after that time.
 */
export function instantAt(
  date: { year: number; month: number; day: number },
  minutes: number,
  timeZone: string,
): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const valid = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((instant) => offsetAt(instant, timeZone) === wall - instant);
  if (valid.length > 0) return Math.min(...valid);
  // In the gap of a clock change: find the jump between the two readings.
  let low = wall - after;
  let high = wall - before;
  while (high - low > 1000) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(middle, timeZone) === before) low = middle;
    else high = middle;
  }
  return Math.floor(high / 1000) * 1000;
}

interface Window {
  start: number;
  end: number;
}

/** Working windows from the local day of `fromMs` onwards, in order (at most 8 days: enough for any week). */
function* windowsFrom(hours: WorkingHours, fromMs: number): Generator<Window> {
  const startMinutes = clockMinutes(hours.start);
  const endMinutes = clockMinutes(hours.end);
  if (startMinutes === undefined || endMinutes === undefined || startMinutes >= endMinutes) {
    throw new RangeError(`invalid working hours ${hours.start}–${hours.end}`);
  }
  const today = localTimeAt(fromMs, hours.timezone);
  for (let offset = 0; offset <= 8; offset += 1) {
    const calendar = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    if (!hours.days.includes(WEEKDAYS[calendar.getUTCDay()] as Weekday)) continue;
    const date = {
      year: calendar.getUTCFullYear(),
      month: calendar.getUTCMonth() + 1,
      day: calendar.getUTCDate(),
    };
    const window = {
      start: instantAt(date, startMinutes, hours.timezone),
      end: instantAt(date, endMinutes, hours.timezone),
    };
    if (window.end > window.start) yield window;
  }
}

function noWindow(hours: WorkingHours): never {
  throw new RangeError(`working hours list no working day: ${JSON.stringify(hours.days)}`);
}

/** True when the instant falls inside a working window (start included, end excluded). */
export function isWorkingTime(hours: WorkingHours, at: Date): boolean {
  const ms = at.getTime();
  for (const window of windowsFrom(hours, ms)) {
    if (window.start > ms) return false;
    if (ms < window.end) return true;
  }
  return false;
}

/**
 * When something due at `at` should happen: `at` itself inside working hours, otherwise the start of the
 * next working window (a reminder due Friday 19:00 with Mon–Fri 09:00–18:00 hours is due Monday 09:00).
 */
export function deferToWorkingTime(hours: WorkingHours, at: Date): Date {
  const ms = at.getTime();
  for (const window of windowsFrom(hours, ms)) {
    if (ms < window.end) return new Date(Math.max(ms, window.start));
  }
  return noWindow(hours);
}

/**
 * A deadline that must not pass while nobody is at work: `at` itself inside working hours (its end
 * included), otherwise the end of the next working window (Saturday 10:00 becomes Monday 18:00).
 */
export function extendToWorkingDayEnd(hours: WorkingHours, at: Date): Date {
  const ms = at.getTime();
  for (const window of windowsFrom(hours, ms)) {
    if (ms <= window.end) return new Date(ms >= window.start ? ms : window.end);
  }
  return noWindow(hours);
}
