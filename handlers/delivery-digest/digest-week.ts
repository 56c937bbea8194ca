import { Temporal } from 'temporal-polyfill';
import type { TimeRange } from '../metrics/types.ts';

export interface DigestWeek {
  /** The ISO week the digest is posted in, `2027-W05`: one digest per team per key. */
  key: string;
  /** The last full week before it (Monday to Monday, UTC days, as the daily rollups are) and the week before. */
  reported: TimeRange;
  previous: TimeRange;
}

const DAY_MS = 86_400_000;

/** The digest's week from the team's local date (`YYYY-MM-DD`) on the day it posts. */
export function digestWeekOf(localDate: string): DigestWeek {
  const date = Temporal.PlainDate.from(localDate);
  const monday = date.subtract({ days: date.dayOfWeek - 1 });
  const start = Date.parse(`${monday.toString()}T00:00:00Z`);
  const week = String(date.weekOfYear).padStart(2, '0');
  return {
    key: `${date.yearOfWeek}-W${week}`,
    reported: { from: new Date(start - 7 * DAY_MS), to: new Date(start) },
    previous: { from: new Date(start - 14 * DAY_MS), to: new Date(start - 7 * DAY_MS) },
  };
}
