import type { Agenda } from 'agenda';
import { purgeRawEvents } from '../data/ingest/purge-raw-events.ts';
import { defineJob, type JobDeps } from './define-job.ts';

export const PURGE_RAW_EVENTS_JOB = 'purge-raw-events';

/** Hourly: raw webhook deliveries older than RETENTION_DAYS go, once normalized; the facts stay. */
export async function define(agenda: Agenda, deps: JobDeps): Promise<void> {
  const ingest = deps.ingest;
  if (!ingest) return;
  defineJob(
    agenda,
    PURGE_RAW_EVENTS_JOB,
    deps,
    async () => {
      const deleted = await purgeRawEvents(ingest, ingest.retentionDays);
      if (deleted > 0) deps.log.info({ deleted, retentionDays: ingest.retentionDays }, 'purged raw events');
    },
    // A short lock, as for the heartbeat: Agenda keeps a timer of half the lifetime after each run. Both jobs
    // are idempotent, so a lock that lapses during a long run costs at most a harmless parallel run.
    { lockLifetimeMs: 10_000 },
  );
  await agenda.every('1 hour', PURGE_RAW_EVENTS_JOB);
}
