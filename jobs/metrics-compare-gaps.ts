import type { Agenda } from 'agenda';
import { LOOKBACK_MS } from '../data/metrics/load-metrics-input.ts';
import { defineJob, type JobDeps } from './define-job.ts';

export const METRICS_COMPARE_GAPS_JOB = 'metrics-compare-gaps';
/** Compare calls per run, all tenants together: 120 an hour, a small share of GitHub's 5,000. */
export const COMPARE_CALLS_PER_RUN = 30;

/**
 * Every 15 minutes: the breaks in each tenant's push chains over the last 90 days (the loader's look-back: a
 * push not seen, a backfilled range) are filled with GitHub's compare API, newest deployment first, within a
 * call budget; what is left waits for the next run. A stored compare marks its days dirty, so the
 * metrics-rollups job moves the rollups to the links it makes (data/metrics/fill-compare-gaps.ts).
 */
export async function define(agenda: Agenda, deps: JobDeps): Promise<void> {
  const gaps = deps.compareGaps;
  if (!gaps) return;
  defineJob(
    agenda,
    METRICS_COMPARE_GAPS_JOB,
    deps,
    async (job) => {
      let budget = COMPARE_CALLS_PER_RUN;
      for (const tenantId of await gaps.tenants()) {
        if (budget <= 0) break;
        const now = new Date();
        const since = new Date(now.getTime() - LOOKBACK_MS);
        const result = await gaps
          .fillTenant(tenantId, { since, maxCalls: budget, now })
          .catch((error: unknown) => {
            deps.log.warn(
              { job: METRICS_COMPARE_GAPS_JOB, tenantId, err: error },
              'filling push-chain gaps failed',
            );
            return undefined;
          });
        await job.touch();
        if (!result) continue;
        budget -= result.calls;
        if (result.calls > 0)
          deps.log.info({ job: METRICS_COMPARE_GAPS_JOB, tenantId, ...result }, 'push-chain gaps compared');
        // GitHub's window is spent for every tenant alike (one token): the rest waits for the next run.
        if (result.stopped === 'rate-limit') break;
      }
    },
    { lockLifetimeMs: 10 * 60_000, oneAtATime: true },
  );
  await agenda.every('15 minutes', METRICS_COMPARE_GAPS_JOB);
}
