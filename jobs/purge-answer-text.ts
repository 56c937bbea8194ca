import type { Agenda } from 'agenda';
import { purgeAnswerText } from '../data/knowledge/purge-answer-text.ts';
import { defineJob, type JobDeps } from './define-job.ts';

export const PURGE_ANSWER_TEXT_JOB = 'purge-answer-text';

/** Daily: question and answer text older than ASK_RETENTION_DAYS goes; modes, citations and votes stay. */
export async function define(agenda: Agenda, deps: JobDeps): Promise<void> {
  const { knowledge, models } = deps;
  if (!knowledge || !models) return;
  defineJob(
    agenda,
    PURGE_ANSWER_TEXT_JOB,
    deps,
    async () => {
      const retentionDays = knowledge.answerRetentionDays;
      const purged = await purgeAnswerText(models.AnswerRecord, retentionDays);
      if (purged > 0) deps.log.info({ purged, retentionDays }, 'purged question and answer text');
    },
    // A short lock, as for purge-raw-events: idempotent, so a lapsed lock costs at most a harmless rerun.
    { lockLifetimeMs: 10_000 },
  );
  await agenda.every('1 day', PURGE_ANSWER_TEXT_JOB);
}
