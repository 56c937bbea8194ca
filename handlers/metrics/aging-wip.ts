import { compareText } from './compare-text.ts';
import { groupBy } from './group-by.ts';
import { exactQuantile } from './percentiles.ts';
import { calendarDuration, type MeasureDuration } from './flow-types.ts';

/** Anything with a type that starts and finishes: a Jira issue (its first active status → done), or a PR. */
export interface WorkItem {
  id: string;
  type: string;
  startedAt: Date;
  doneAt?: Date;
}

export type AgeMark = 'p50' | 'p85' | 'p95';

export interface AgingWip {
  /** Per type: the 50th, 85th and 95th percentiles of its finished items' cycle times, null when too few. */
  thresholds: Record<
    string,
    { finished: number; p50: number | null; p85: number | null; p95: number | null }
  >;
  /** Items in progress, oldest first, with the highest percentile their age has passed. */
  items: { id: string; type: string; ageMs: number; passed?: AgeMark }[];
}

/** Fewer finished items than this give no thresholds: three cycle times do not make a 95th percentile. */
export const MIN_FINISHED = 5;

/**
 * Aging work in progress: each unfinished item's age at `now` against the percentiles of the cycle times of
 * the items of its type that finished (started → done), calendar or working time (`measure`).
 */
export function measureAgingWip(
  items: readonly WorkItem[],
  now: Date,
  measure: MeasureDuration = calendarDuration,
): AgingWip {
  const finished = groupBy(
    items.filter((item) => item.doneAt && item.doneAt <= now),
    (item) => item.type,
  );
  const thresholds: AgingWip['thresholds'] = {};
  const types = [...new Set(items.map((item) => item.type))].sort();
  for (const type of types) {
    const times = (finished.get(type) ?? []).map((item) => measure(item.startedAt, item.doneAt!));
    const enough = times.length >= MIN_FINISHED;
    thresholds[type] = {
      finished: times.length,
      p50: enough ? exactQuantile(times, 0.5) : null,
      p85: enough ? exactQuantile(times, 0.85) : null,
      p95: enough ? exactQuantile(times, 0.95) : null,
    };
  }
  const open = items
    .filter((item) => item.startedAt <= now && (!item.doneAt || item.doneAt > now))
    .map((item) => {
      const ageMs = measure(item.startedAt, now);
      const limits = thresholds[item.type]!;
      const passed: AgeMark | undefined =
        limits.p95 !== null && ageMs > limits.p95
          ? 'p95'
          : limits.p85 !== null && ageMs > limits.p85
            ? 'p85'
            : limits.p50 !== null && ageMs > limits.p50
              ? 'p50'
              : undefined;
      return { id: item.id, type: item.type, ageMs, ...(passed ? { passed } : {}) };
    })
    .sort((a, b) => b.ageMs - a.ageMs || compareText(a.id, b.id));
  return { thresholds, items: open };
}
