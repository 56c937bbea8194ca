import type { Agenda } from 'agenda';
import { purgeStandupAnswers } from '../data/standup/purge-standup-answers.ts';
import { defineJob, type JobDeps } from './define-job.ts';

export const PURGE_STANDUP_ANSWERS_JOB = 'purge-standup-answers';

/** Daily: standup answers older than STANDUP_RETENTION_DAYS go, with the text of blockers closed by then; counts stay. */
export async function define(agenda: Agenda, deps: JobDeps): Promise<void> {
  const { models, standupRetentionDays } = deps;
  if (!models || standupRetentionDays === undefined) return;
  defineJob(
    agenda,
    PURGE_STANDUP_ANSWERS_JOB,
    deps,
    async () => {
      const purged = await purgeStandupAnswers(models, standupRetentionDays);
      if (purged.answers + purged.blockerTexts > 0) {
        deps.log.info({ ...purged, retentionDays: standupRetentionDays }, 'purged standup answers');
      }
    },
    // A short lock, as for purge-answer-text: idempotent, so a lapsed lock costs at most a harmless rerun.
    { lockLifetimeMs: 10_000 },
  );
  await agenda.every('1 day', PURGE_STANDUP_ANSWERS_JOB);
}
