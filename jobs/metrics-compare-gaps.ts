import type { Agenda } from 'agenda';
import type { Logger } from 'pino';
import type { CompareGapFiller } from '../data/metrics/fill-compare-gaps.ts';
import { LOOKBACK_MS } from '../data/metrics/load-metrics-input.ts';
import { defineJob, type JobDeps } from './define-job.ts';

export const METRICS_COMPARE_GAPS_JOB = 'metrics-compare-gaps';
/** Compare calls per run, all tenants together: 120 an hour, a small share of GitHub's 5,000. */
export const COMPARE_CALLS_PER_RUN = 30;

/**
 * One run: each tenant's gaps over the last 90 days (the loader's look-back), newest deployment first, until the
 * run's call budget is spent or GitHub rate-limits (one token for every tenant: the rest waits for the next run).
 * Returns the calls made.
 */
export async function compareGapsOnce(
  gaps: Pick<CompareGapFiller, 'tenants' | 'fillTenant'>,
  options: {
    log: Pick<Logger, 'info' | 'warn'>;
    now?: () => Date;
    budget?: number;
    touch?: () => Promise<unknown>;
  },
): Promise<number> {
  const budget = options.budget ?? COMPARE_CALLS_PER_RUN;
  let calls = 0;
  for (const tenantId of await gaps.tenants()) {
    if (calls >= budget) break;
    const now = options.now?.() ?? new Date();
    const since = new Date(now.getTime() - LOOKBACK_MS);
    // One tenant's failure leaves its gaps for the next run and the other tenants to this one.
    const result = await gaps
      .fillTenant(tenantId, { since, maxCalls: budget - calls, now })
      .catch((error: unknown) => {
        options.log.warn(
          { job: METRICS_COMPARE_GAPS_JOB, tenantId, err: error },
          'filling push-chain gaps failed',
        );
        return undefined;
      });
    await options.touch?.();
    if (!result) continue;
    calls += result.calls;
    if (result.calls > 0)
      options.log.info({ job: METRICS_COMPARE_GAPS_JOB, tenantId, ...result }, 'push-chain gaps compared');
    if (result.stopped === 'rate-limit') break;
  }
  return calls;
}

/**
 * Every 15 minutes: push-chain gaps (a push not seen, a backfilled range) filled with GitHub's compare API
 * within a call budget (data/metrics/fill-compare-gaps.ts). A stored compare marks its days dirty, so the
 * metrics-rollups job then moves the rollups to the links it makes.
 */
export async function define(agenda: Agenda, deps: JobDeps): Promise<void> {
  const gaps = deps.compareGaps;
  if (!gaps) return;
  defineJob(
    agenda,
    METRICS_COMPARE_GAPS_JOB,
    deps,
    async (job) => {
      await compareGapsOnce(gaps, { log: deps.log, touch: () => job.touch() });
    },
    { lockLifetimeMs: 10 * 60_000, oneAtATime: true },
  );
  // Not at start: replicas restarting together would each spend a budget at once.
  await agenda.every('15 minutes', METRICS_COMPARE_GAPS_JOB, undefined, { skipImmediate: true });
}
