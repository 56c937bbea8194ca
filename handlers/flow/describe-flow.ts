import type { AgeMode } from '../metrics/flow-types.ts';
import type { TimeRange } from '../metrics/types.ts';

const HOUR_MS = 3_600_000;
/** A working day, for long working-hours ages: the default calendar's 8 hours. */
const WORKING_DAY_HOURS = 8;

const rounded = (value: number) =>
  value >= 10 ? Math.round(value).toString() : (Math.round(value * 10) / 10).toString();

/** A duration as people read it: minutes under an hour, hours under two days (five working days), days beyond. */
export function describeDuration(ms: number | null, mode: AgeMode): string {
  if (ms === null) return '–';
  const hours = ms / HOUR_MS;
  if (hours < 1) return `${Math.round(ms / 60_000)} min`;
  if (mode === 'working') {
    return hours < 5 * WORKING_DAY_HOURS
      ? `${rounded(hours)} working h`
      : `${rounded(hours / WORKING_DAY_HOURS)} working days`;
  }
  return hours < 48 ? `${rounded(hours)} h` : `${rounded(hours / 24)} days`;
}

export const describePercent = (share: number | null) =>
  share === null ? '–' : `${Math.round(share * 100)}%`;

export const plural = (count: number, word: string, many = `${word}s`) =>
  `${count} ${count === 1 ? word : many}`;

/** `2026-11-16 → 2026-11-29 (14 days)`: the last day shown is the one the exclusive end closes. */
export function describeRange(range: TimeRange): string {
  const days = Math.round((range.to.getTime() - range.from.getTime()) / 86_400_000);
  const last = new Date(range.to.getTime() - 1);
  return `${range.from.toISOString().slice(0, 10)} → ${last.toISOString().slice(0, 10)} (${plural(days, 'day')})`;
}
