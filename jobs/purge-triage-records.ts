import type { Agenda } from 'agenda';
import { purgeTriageRecords } from '../data/triage/purge-triage-records.ts';
import { defineJob, type JobDeps } from './define-job.ts';

export const PURGE_TRIAGE_RECORDS_JOB = 'purge-triage-records';

/** Daily: triage claims, digests and PR notices older than 30 days go (data/triage/purge-triage-records.ts). */
export async function define(agenda: Agenda, deps: JobDeps): Promise<void> {
  const { models } = deps;
  if (!models) return;
  defineJob(
    agenda,
    PURGE_TRIAGE_RECORDS_JOB,
    deps,
    async () => {
      const purged = await purgeTriageRecords(models);
      if (Object.values(purged).some((count) => count > 0)) deps.log.info(purged, 'purged triage records');
    },
    // A short lock, as for purge-answer-text: idempotent, so a lapsed lock costs at most a harmless rerun.
    { lockLifetimeMs: 10_000 },
  );
  await agenda.every('1 day', PURGE_TRIAGE_RECORDS_JOB);
}
