import type { Agenda } from 'agenda';
import { purgePullChanges } from '../data/ingest/purge-pull-changes.ts';
import { defineJob, type JobDeps } from './define-job.ts';

export const PURGE_PULL_CHANGES_JOB = 'purge-pull-changes';

/** Every ten minutes: the pull request change log keeps an hour, so the open-PR indexes read a small table. */
export async function define(agenda: Agenda, deps: JobDeps): Promise<void> {
  const models = deps.models;
  if (!models) return;
  defineJob(
    agenda,
    PURGE_PULL_CHANGES_JOB,
    deps,
    async () => {
      const deleted = await purgePullChanges(models.PullRequestChange);
      if (deleted > 0) deps.log.debug({ deleted }, 'purged pull request changes');
    },
    // Idempotent, as the raw-event purge: a lapsed lock costs at most a harmless parallel run.
    { lockLifetimeMs: 10_000 },
  );
  await agenda.every('10 minutes', PURGE_PULL_CHANGES_JOB);
}
