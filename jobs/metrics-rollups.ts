import type { Agenda } from 'agenda';
import { defineJob, type JobDeps } from './define-job.ts';

export const METRICS_ROLLUPS_JOB = 'metrics-rollups';

/**
 * Every minute: each tenant whose facts changed since (dirty marks, written after facts are applied) gets the
 * days those facts can change recomputed exactly and its rollups moved to them (data/metrics/). Safe beside
 * another worker or a `metrics rebuild`: the rollup ledger takes care of concurrent updates.
 */
export async function define(agenda: Agenda, deps: JobDeps): Promise<void> {
  const rollups = deps.metricsRollups;
  if (!rollups) return;
  // Once per process: a tenant with facts and no rollups yet (an upgrade, a restore) is rebuilt whole.
  let checkedForMissing = false;
  defineJob(
    agenda,
    METRICS_ROLLUPS_JOB,
    deps,
    async (job) => {
      if (!checkedForMissing) {
        const marked = await rollups.markTenantsWithoutRollups();
        if (marked.length > 0)
          deps.log.info(
            { job: METRICS_ROLLUPS_JOB, tenants: marked.length },
            'metrics rollups to build from scratch',
          );
        checkedForMissing = true;
      }
      for (const tenantId of await rollups.tenantsToUpdate()) {
        // One tenant's failure leaves its marks for the next run and the other tenants to this one.
        const result = await rollups.updateTenant(tenantId).catch((error: unknown) => {
          deps.log.warn({ job: METRICS_ROLLUPS_JOB, tenantId, err: error }, 'metrics rollup update failed');
          return undefined;
        });
        await job.touch();
        if (result?.changed)
          deps.log.info({ job: METRICS_ROLLUPS_JOB, tenantId, ...result }, 'metrics rollups updated');
      }
    },
    { lockLifetimeMs: 10 * 60_000, oneAtATime: true },
  );
  await agenda.every('1 minute', METRICS_ROLLUPS_JOB);
}
