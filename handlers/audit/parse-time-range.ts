import type { TimeRange } from './types.ts';

export class InvalidTimeRangeError extends Error {
  override name = 'InvalidTimeRangeError';
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?$/;
const EXPECTED =
  'expected a date (YYYY-MM-DD, UTC) or a time with a zone, e.g. 2025-01-31T09:30:00Z or 2025-01-31T09:30+02:00';

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Date.UTC, without its mapping of years 0–99 to 1900–1999. */
function utc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
) {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

/**
 * Parses one end of a range. A date alone means midnight UTC at the start of that day, except as `to`, where it
 * means the end of that day: `--from 2025-01-01 --to 2025-01-31` is all of January. A time must name its
 * zone, so no range depends on the machine's time zone. Impossible dates (2025-02-30) are refused.
 */
export function parseTimeBound(text: string, option: string, bound: 'from' | 'to'): Date {
  const shown = JSON.stringify(text);
  const dateOnly = DATE.exec(text);
  const dateTime = dateOnly ? undefined : DATE_TIME.exec(text);
  const parts = dateOnly ?? dateTime;
  if (!parts) throw new InvalidTimeRangeError(`${option}: ${shown} is not a date; ${EXPECTED}`);
  const [year, month, day, hour = 0, minute = 0, second = 0] = parts
    .slice(1, 7)
    .map((part) => Number(part ?? 0));
  const millisecond = Number((parts[7] ?? '').padEnd(3, '0'));
  const zone = dateOnly ? 'Z' : parts[8];
  if (!zone) {
    throw new InvalidTimeRangeError(
      `${option}: ${shown} has no time zone; add Z for UTC or an offset such as +02:00`,
    );
  }
  const [, sign, offsetHours, offsetMinutes] = /^([+-])(\d{2}):(\d{2})$/.exec(zone) ?? ['', '+', '00', '00'];
  if (
    month! < 1 ||
    month! > 12 ||
    day! < 1 ||
    day! > daysInMonth(year!, month!) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    Number(offsetHours) > 23 ||
    Number(offsetMinutes) > 59
  ) {
    throw new InvalidTimeRangeError(`${option}: ${shown} is not a real date and time`);
  }
  const offsetMs = (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  const endOfDay = dateOnly && bound === 'to' ? 86_400_000 : 0;
  return new Date(utc(year!, month!, day!, hour, minute, second, millisecond) - offsetMs + endOfDay);
}

/** `--from` and `--to` as a half-open range [from, to); from must come before to. */
export function parseTimeRange(options: { from?: string; to?: string }): TimeRange {
  const from = options.from === undefined ? undefined : parseTimeBound(options.from, '--from', 'from');
  const to = options.to === undefined ? undefined : parseTimeBound(options.to, '--to', 'to');
  if (from && to && from.getTime() >= to.getTime()) {
    throw new InvalidTimeRangeError(
      `--from (${from.toISOString()}) must be before --to (${to.toISOString()}): the range is empty`,
    );
  }
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
