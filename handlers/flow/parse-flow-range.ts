import type { TimeRange } from '../metrics/types.ts';

const DAY_MS = 86_400_000;
/** The longest range `/flow` measures exactly from the facts. */
export const MAX_RANGE_DAYS = 366;
export const DEFAULT_RANGE_DAYS = 14;

export type ParsedRange = { ok: true; range: TimeRange; typed: string } | { ok: false; message: string };

const RELATIVE = /^(\d{1,3})([dw])$/i;
const ABSOLUTE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

/** Whether a word is meant as a range (`14d`, `4w`, `2026-11-01..2026-11-30`), valid or not. */
export const looksLikeRange = (word: string) => RELATIVE.test(word) || /^\d{4}-\d{2}-\d{2}\.\./.test(word);

/**
 * `/flow`'s own small range reader (a shared `metrics/parse-range.ts` may replace it): the last N days or
 * weeks up to now, or two UTC dates, both included. Nothing typed: the last 14 days.
 */
export function parseFlowRange(typed: string | undefined, now: Date): ParsedRange {
  if (!typed)
    return {
      ok: true,
      range: { from: new Date(now.getTime() - DEFAULT_RANGE_DAYS * DAY_MS), to: now },
      typed: '',
    };
  const relative = RELATIVE.exec(typed);
  if (relative) {
    const days = Number(relative[1]) * (relative[2]!.toLowerCase() === 'w' ? 7 : 1);
    if (days < 1 || days > MAX_RANGE_DAYS)
      return { ok: false, message: `A range is 1 to ${MAX_RANGE_DAYS} days.` };
    return { ok: true, range: { from: new Date(now.getTime() - days * DAY_MS), to: now }, typed };
  }
  const absolute = ABSOLUTE.exec(typed);
  const from = absolute ? new Date(`${absolute[1]}T00:00:00Z`) : undefined;
  const to = absolute ? new Date(new Date(`${absolute[2]}T00:00:00Z`).getTime() + DAY_MS) : undefined;
  if (
    !from ||
    !to ||
    Number.isNaN(from.getTime()) ||
    Number.isNaN(to.getTime()) ||
    from.toISOString().slice(0, 10) !== absolute![1]
  ) {
    return { ok: false, message: `"${typed}" is not a range: try 14d, 4w or 2026-11-01..2026-11-30.` };
  }
  if (to <= from || to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    return { ok: false, message: `A range runs forwards and is 1 to ${MAX_RANGE_DAYS} days.` };
  }
  return { ok: true, range: { from, to }, typed };
}
