import type { Agenda } from 'agenda';
import { defineJob, type JobDeps } from './define-job.ts';

export const HEARTBEAT_JOB = 'scheduler-heartbeat';

/**
 * A tick every minute. Its `lastFinishedAt` in the jobs collection shows that some instance is still
 * processing jobs; `/readyz` reports it so a stalled scheduler is visible before digests go missing.
 */
export async function define(agenda: Agenda, deps: JobDeps): Promise<void> {
  // A short lock: Agenda's liveness check keeps a timer of half the lock lifetime alive after every run.
  defineJob(agenda, HEARTBEAT_JOB, deps, async () => undefined, { lockLifetimeMs: 10_000 });
  await agenda.every('1 minute', HEARTBEAT_JOB);
}
