import type { Agenda } from 'agenda';
import { defineJob, type JobDeps } from './define-job.ts';

export const REINDEX_DOCS_JOB = 'reindex-docs';

/**
 * Keeps the doc-answer index in step with its sources (DOCS_REINDEX_EVERY, hourly by default). Incremental:
 * unchanged files cost a hash comparison, so a run with nothing new is cheap; a run twice indexes once.
 */
export async function define(agenda: Agenda, deps: JobDeps): Promise<void> {
  const { knowledge } = deps;
  if (!knowledge || knowledge.sources.length === 0) return;
  defineJob(
    agenda,
    REINDEX_DOCS_JOB,
    deps,
    async () => {
      const summary = await knowledge.index(knowledge.tenantId());
      deps.log.info({ job: REINDEX_DOCS_JOB, ...summary }, 'docs re-indexed');
    },
    { lockLifetimeMs: 30 * 60_000 },
  );
  await agenda.every(knowledge.reindexEvery, REINDEX_DOCS_JOB);
}
