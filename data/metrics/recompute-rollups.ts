import { eachConcurrently } from '../db/each-concurrently.ts';
import type { DoraRollup } from '../../handlers/metrics/dora-rollup.ts';
import { measureDora } from '../../handlers/metrics/measure-dora.ts';
import { dayOf, splitRollupsByDay } from '../../handlers/metrics/split-rollups.ts';
import type { TimeRange } from '../../handlers/metrics/types.ts';
import type { FactModels } from '../models/ingest-models.ts';
import type { VersionEntry } from '../models/metric-rollup-version.ts';
import { factWindowOf, loadMetricsInput } from './load-metrics-input.ts';
import type { MetricsSettingsStore } from './mongo-metrics-settings.ts';
import { createRollupLedger, type LedgerModels } from './rollup-ledger.ts';

export const DAY_MS = 24 * 3600 * 1000;
/** Rebuilds go this many days at a time: memory holds one chunk's facts and its look-back, not all history. */
export const REBUILD_CHUNK_DAYS = 30;
/** Days settled at once by one recompute (each is a handful of round trips). */
const SETTLING_AT_ONCE = 4;

export interface RollupDeps extends LedgerModels {
  facts: FactModels;
  settings: Pick<MetricsSettingsStore, 'settingsOf'>;
}

export const startOfDay = (at: Date) => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);

/** A day's rollup as the ledger stores it: zero counts and empty histograms left out. */
function toEntry(kind: 'repo' | 'service', scope: string, rollup: DoraRollup): VersionEntry {
  const counts = Object.fromEntries(Object.entries(rollup.counts).filter(([, value]) => value !== 0));
  const hist = Object.fromEntries(
    Object.entries(rollup.hist).filter(([, buckets]) => Object.keys(buckets).length > 0),
  );
  return { kind, scope, counts, hist };
}

/**
 * Brings the stored rollups of the whole days in `range` to their exact values: claims the days' next ledger
 * versions, reads the facts (the range with its look-back and look-ahead), measures the range exactly once,
 * splits the answer by scope and day, and settles each day (data/metrics/rollup-ledger.ts), a few at once.
 */
export async function recomputeRollupDays(
  deps: RollupDeps,
  tenantId: string,
  range: TimeRange,
  onDay?: (day: string) => void,
): Promise<{ days: number; changed: number }> {
  const days: string[] = [];
  for (let at = startOfDay(range.from).getTime(); at < range.to.getTime(); at += DAY_MS)
    days.push(dayOf(new Date(at)));
  if (days.length === 0) return { days: 0, changed: 0 };
  const whole = {
    from: new Date(`${days[0]}T00:00:00Z`),
    to: new Date(Date.parse(`${days[days.length - 1]}T00:00:00Z`) + DAY_MS),
  };
  const ledger = createRollupLedger(deps);
  const claims = await ledger.claimDays(tenantId, days);
  const settings = await deps.settings.settingsOf(tenantId);
  const input = await loadMetricsInput(deps.facts, tenantId, factWindowOf(whole), settings);
  const answer = measureDora(input, settings, whole, settings.reportYear);
  const byDay = new Map<string, VersionEntry[]>();
  for (const rollup of splitRollupsByDay(answer, input.incidents)) {
    const list = byDay.get(rollup.day) ?? [];
    list.push(toEntry(rollup.kind, rollup.scope, rollup.rollup));
    byDay.set(rollup.day, list);
  }
  let changed = 0;
  // Days are independent in the ledger: a few settle at once.
  await eachConcurrently(days, SETTLING_AT_ONCE, async (day) => {
    const entries = (byDay.get(day) ?? []).sort((a, b) =>
      a.kind === b.kind ? (a.scope < b.scope ? -1 : 1) : a.kind < b.kind ? -1 : 1,
    );
    if ((await ledger.settleDay(tenantId, day, claims.get(day)!, entries)) === 'applied') changed += 1;
    onDay?.(day);
  });
  return { days: days.length, changed };
}

/** The earliest time any of the tenant's delivery facts speaks of (where a full rebuild starts). */
export async function findEarliestFact(facts: FactModels, tenantId: string): Promise<Date | undefined> {
  const first = await Promise.all([
    facts.deployment.findOne({ tenantId }, { createdAt: 1 }).sort({ createdAt: 1 }).lean(),
    facts.pullRequest.findOne({ tenantId, state: 'merged' }, { mergedAt: 1 }).sort({ mergedAt: 1 }).lean(),
    facts.incident.findOne({ tenantId }, { triggeredAt: 1 }).sort({ triggeredAt: 1 }).lean(),
  ]);
  const times = [first[0]?.createdAt, first[1]?.mergedAt, first[2]?.triggeredAt].flatMap((at) =>
    at instanceof Date ? [at.getTime()] : [],
  );
  return times.length > 0 ? new Date(Math.min(...times)) : undefined;
}

/**
 * `metrics rebuild`: every day from `since` (default: the earliest fact) through today, a chunk at a time,
 * through the same ledger as incremental updates (so a rebuild running beside the normalizer is safe).
 */
export async function rebuildRollups(
  deps: RollupDeps,
  tenantId: string,
  options: { since?: Date; now?: Date; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ days: number; changed: number }> {
  const now = options.now ?? new Date();
  const since = options.since ?? (await findEarliestFact(deps.facts, tenantId));
  if (!since) return { days: 0, changed: 0 };
  const from = startOfDay(since).getTime();
  const to = startOfDay(now).getTime() + DAY_MS;
  const total = Math.max(0, Math.round((to - from) / DAY_MS));
  let done = 0;
  let changed = 0;
  options.onProgress?.(0, total);
  for (let start = from; start < to; start += REBUILD_CHUNK_DAYS * DAY_MS) {
    const end = Math.min(to, start + REBUILD_CHUNK_DAYS * DAY_MS);
    const result = await recomputeRollupDays(
      deps,
      tenantId,
      { from: new Date(start), to: new Date(end) },
      () => {
        done += 1;
        options.onProgress?.(done, total);
      },
    );
    changed += result.changed;
  }
  return { days: total, changed };
}
