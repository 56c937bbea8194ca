import type { Agenda } from 'agenda';
import { buildStaleDigests } from '../data/knowledge/build-stale-digests.ts';
import { defineJob, type JobDeps } from './define-job.ts';

export const STALE_DOCS_DIGEST_JOB = 'stale-docs-digest';

/**
 * Weekly: records, per owner, the docs answers cited although they are old, or that drew "not helpful".
 * Owners are named as the docs name them (GitHub logins and teams), which em-agent cannot yet map to chat
 * accounts, so digests are recorded (`stale_docs_digests`) and read with `em-agent docs stale`, not posted.
 */
export async function define(agenda: Agenda, deps: JobDeps): Promise<void> {
  const { knowledge, models } = deps;
  if (!knowledge || !models) return;
  defineJob(
    agenda,
    STALE_DOCS_DIGEST_JOB,
    deps,
    async () => {
      const created = await buildStaleDigests(models, knowledge.tenantId());
      deps.log.info({ job: STALE_DOCS_DIGEST_JOB, owners: created.length }, 'stale-docs digests recorded');
    },
    // A few queries: a short lock, so its liveness timer does not hold a stopping process.
    { lockLifetimeMs: 10_000 },
  );
  await agenda.every('1 week', STALE_DOCS_DIGEST_JOB);
}
