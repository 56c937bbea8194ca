import type { Agenda } from 'agenda';
import { defineJob, type JobDeps } from './define-job.ts';

export const REINDEX_DOCS_JOB = 'reindex-docs';
const LOCK_MS = 10_000;

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
    async (job) => {
      // A short lock renewed while indexing: a crashed run is retried soon, and the lock's liveness timer
      // (half its lifetime, kept after each run) does not hold a stopping process for long.
      let touched = Date.now();
      const summary = await knowledge.index(knowledge.tenantId(), () => {
        if (Date.now() - touched < LOCK_MS / 3) return;
        touched = Date.now();
        job
          .touch()
          .catch((error: unknown) => deps.log.warn({ err: error }, 'could not renew the reindex lock'));
      });
      deps.log.info({ job: REINDEX_DOCS_JOB, ...summary }, 'docs re-indexed');
      // The keyword index is rebuilt here, not by the first question after a start or a change. Not awaited:
      // the lock is short and the build reads every chunk.
      knowledge
        .warm(knowledge.tenantId())
        .catch((error: unknown) => deps.log.warn({ err: error }, 'could not build the keyword index'));
    },
    { lockLifetimeMs: LOCK_MS },
  );
  await agenda.every(knowledge.reindexEvery, REINDEX_DOCS_JOB);
}
