import type { Agenda } from 'agenda';
import { defineJob, type JobDeps } from './define-job.ts';

export const HEARTBEAT_JOB = 'scheduler-heartbeat';

/**
 * A tick every minute. Its `lastFinishedAt` in the jobs collection shows that some instance is still
 * processing jobs; `/readyz` reports it so a stalled scheduler is visible before digests go missing.
 */
export async function define(agenda: Agenda, deps: JobDeps): Promise<void> {
  defineJob(agenda, HEARTBEAT_JOB, deps, async () => undefined);
  await agenda.every('1 minute', HEARTBEAT_JOB);
}
