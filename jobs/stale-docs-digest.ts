import type { Agenda } from 'agenda';
import { buildStaleDigests } from '../data/knowledge/build-stale-digests.ts';
import { deliverStaleDigests } from '../data/knowledge/deliver-stale-digests.ts';
import { defineJob, type JobDeps } from './define-job.ts';

export const STALE_DOCS_DIGEST_JOB = 'stale-docs-digest';

/**
 * Weekly: records, per owner, the docs answers cited although they are old, or that drew "not helpful"
 * (once per owner per ISO week), then sends each undelivered digest: a direct message to the owner's linked
 * Slack or Teams account, else DOCS_DIGEST_CHANNEL, else it stays recorded as undelivered for the next run.
 */
export async function define(agenda: Agenda, deps: JobDeps): Promise<void> {
  const { knowledge, models, reach } = deps;
  if (!knowledge || !models) return;
  defineJob(
    agenda,
    STALE_DOCS_DIGEST_JOB,
    deps,
    async () => {
      const tenantId = knowledge.tenantId();
      const created = await buildStaleDigests(models, tenantId);
      const delivered = reach
        ? await deliverStaleDigests(models, reach, tenantId, knowledge.digestChannel)
        : undefined;
      deps.log.info(
        { job: STALE_DOCS_DIGEST_JOB, owners: created.length, ...delivered },
        'stale-docs digests recorded and sent',
      );
    },
    // A few queries and messages: a short lock, so its liveness timer does not hold a stopping process.
    { lockLifetimeMs: 10_000 },
  );
  await agenda.every('1 week', STALE_DOCS_DIGEST_JOB);
}
