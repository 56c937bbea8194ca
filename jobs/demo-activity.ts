import type { Agenda } from 'agenda';
import { addDemoActivity } from '../data/demo/add-demo-activity.ts';
import { defineJob, type JobDeps } from './define-job.ts';

export const DEMO_ACTIVITY_JOB = 'demo-activity';

/**
 * Demo mode only: once a day, the canned team's working days since the last run arrive as webhook deliveries
 * (commits, pull requests, reviews, CI, deployments, Jira moves, the odd incident), so the demo never ages.
 * The start-up run follows the dataset load (bot/main.ts), hence no immediate run here. Idempotent.
 */
export async function define(agenda: Agenda, deps: JobDeps): Promise<void> {
  const { demoTenantId, models, ingest } = deps;
  if (!demoTenantId || !models || !ingest) return;
  defineJob(
    agenda,
    DEMO_ACTIVITY_JOB,
    deps,
    async () => {
      const summary = await addDemoActivity({ models, queue: ingest.queue }, demoTenantId);
      deps.log.info({ job: DEMO_ACTIVITY_JOB, ...summary }, 'demo activity added');
    },
    // A short lock, so its liveness timer does not hold a stopping process. A long catch-up may outlive it:
    // the run is idempotent, so a lapsed lock costs at most a parallel run that stores nothing twice.
    { lockLifetimeMs: 10_000 },
  );
  await agenda.every('1 day', DEMO_ACTIVITY_JOB, undefined, { skipImmediate: true });
}
