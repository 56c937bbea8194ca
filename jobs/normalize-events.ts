import type { Agenda } from 'agenda';
import { defineJob, type JobDeps } from './define-job.ts';

export const NORMALIZE_EVENTS_JOB = 'normalize-events';

/**
 * The safety net under the in-process normalize queue: every minute, normalize whatever stored events are still
 * pending in any tenant (after a crash, a restart, or a failure worth retrying).
 */
export async function define(agenda: Agenda, deps: JobDeps): Promise<void> {
  const ingest = deps.ingest;
  if (!ingest) return;
  defineJob(
    agenda,
    NORMALIZE_EVENTS_JOB,
    deps,
    async () => {
      await ingest.queue.drainAll();
    },
    // A short lock, as for the heartbeat: Agenda keeps a timer of half the lifetime after each run. Both jobs
    // are idempotent, so a lock that lapses during a long run costs at most a harmless parallel run.
    { lockLifetimeMs: 10_000 },
  );
  await agenda.every('1 minute', NORMALIZE_EVENTS_JOB);
}
