import type { TimeRange } from './types.ts';

const DAY_MS = 24 * 3600 * 1000;
/** The longest range a question may span: two years of daily rollups. */
export const MAX_RANGE_DAYS = 731;
export const DEFAULT_RANGE_DAYS = 30;
export const RANGE_HINT = '`last 30d`, `6w`, `2026-Q3`, `since 2026-09-01` or `2026-09-01..2026-09-30`';

/** What a surface allows: /dora reads rollups (two years), /flow computes from the facts (one year). */
export interface RangeLimits {
  defaultDays: number;
  maxDays: number;
}
const DORA_LIMITS: RangeLimits = { defaultDays: DEFAULT_RANGE_DAYS, maxDays: MAX_RANGE_DAYS };

export interface ParsedRange {
  range: TimeRange;
  /** How people read it back: "last 30 days", "2026-Q3", "2026-09-01 to 2026-09-30". */
  label: string;
}

export type RangeResult = ({ ok: true } & ParsedRange) | { ok: false; message: string };

const startOfDay = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
const addDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** A calendar date `YYYY-MM-DD` at 00:00 UTC; undefined for anything else, 2026-02-30 included. */
export function readDay(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

/**
 * A range as people type it, in whole UTC days ending with today at the latest: `last 30d` / `6w` (today and
 * the days before it), `2026-Q3` (a calendar quarter), `since 2026-09-01` (to today), `2026-09-01..2026-09-30`
 * (both days included). Nothing means the last `defaultDays`. A range reaching past today stops at the end of
 * today, so a quarter in progress is not diluted by the weeks still to come.
 */
export function parseRange(typed: string, now: Date, limits: RangeLimits = DORA_LIMITS): RangeResult {
  const text = typed.trim().toLowerCase().replace(/\s+/g, ' ');
  const endOfToday = addDays(startOfDay(now), 1);
  const fail = (message: string): RangeResult => ({ ok: false, message: `${message} Try ${RANGE_HINT}.` });
  const bounded = (from: Date, to: Date, label: string): RangeResult => {
    const end = to > endOfToday ? endOfToday : to;
    if (from >= endOfToday) return fail(`${label} has not started yet.`);
    if (end <= from) return fail(`${label} ends before it starts.`);
    if ((end.getTime() - from.getTime()) / DAY_MS > limits.maxDays) {
      return fail(`${label} is longer than ${limits.maxDays} days.`);
    }
    return { ok: true, range: { from, to: end }, label };
  };
  if (text === '') {
    return bounded(addDays(endOfToday, -limits.defaultDays), endOfToday, `last ${limits.defaultDays} days`);
  }
  const last = /^(?:last )?(\d{1,4}) ?(d|days?|w|weeks?)$/.exec(text);
  if (last) {
    const count = Number(last[1]);
    const weeks = last[2]!.startsWith('w');
    const days = weeks ? count * 7 : count;
    if (count === 0) return fail('A range needs at least one day.');
    const unit = weeks ? 'week' : 'day';
    return bounded(addDays(endOfToday, -days), endOfToday, `last ${count} ${unit}${count === 1 ? '' : 's'}`);
  }
  const quarter = /^(\d{4})-q([1-4])$/.exec(text);
  if (quarter) {
    const [year, q] = [Number(quarter[1]), Number(quarter[2])];
    const from = new Date(Date.UTC(year, (q - 1) * 3, 1));
    return bounded(from, new Date(Date.UTC(year, q * 3, 1)), `${year}-Q${q}`);
  }
  const since = /^since (\S+)$/.exec(text);
  if (since) {
    const from = readDay(since[1]!);
    if (!from) return fail(`"${since[1]}" is not a date (YYYY-MM-DD).`);
    return bounded(from, endOfToday, `since ${isoDay(from)}`);
  }
  const between = /^(\S+) ?\.\. ?(\S+)$/.exec(text);
  if (between) {
    const from = readDay(between[1]!);
    const until = readDay(between[2]!);
    if (!from || !until) return fail(`"${typed.trim()}" needs two dates (YYYY-MM-DD..YYYY-MM-DD).`);
    return bounded(from, addDays(until, 1), `${isoDay(from)} to ${isoDay(until)}`);
  }
  return fail(`I can't read "${typed.trim()}" as a range.`);
}

/** Does this word start a range (so the words before it name the scope)? */
export function startsRange(word: string): boolean {
  const text = word.toLowerCase();
  return (
    text === 'last' ||
    text === 'since' ||
    /^\d{1,4}[dw]$/.test(text) ||
    /^\d{4}-q[1-4]$/.test(text) ||
    /^\d{4}-\d{2}-\d{2}(\.\.)?/.test(text) ||
    text.startsWith('..')
  );
}

/** The range as `2026-09-01..2026-09-30`, which reads back as the same whole days (a button re-asks that). */
export function typedRange(range: TimeRange): string {
  return `${isoDay(range.from)}..${isoDay(addDays(range.to, -1))}`;
}

/** The period of the same length just before a range, for the trend. */
export function previousPeriod(range: TimeRange): TimeRange {
  const length = range.to.getTime() - range.from.getTime();
  return { from: new Date(range.from.getTime() - length), to: range.from };
}

/** Consecutive weeks from the range's start (the last one may be shorter), for the weekly charts. */
export function weeksOf(range: TimeRange, max = 26): TimeRange[] {
  const weeks: TimeRange[] = [];
  for (let from = range.from; from < range.to; from = addDays(from, 7)) {
    const to = addDays(from, 7);
    weeks.push({ from, to: to > range.to ? range.to : to });
  }
  return weeks.slice(-max);
}
