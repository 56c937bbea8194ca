import type { Agenda } from 'agenda';
import { runDeliveryDigest } from '../handlers/delivery-digest/run-delivery-digest.ts';
import { defineJob, type JobDeps } from './define-job.ts';

export const DELIVERY_DIGEST_JOB = 'delivery-digest';

/**
 * Every 15 minutes: each team's (each active standup's) weekly delivery digest, for the teams that opted in.
 * It posts once per team per ISO week, on the team's day from its time on, in its zone.
 */
export async function define(agenda: Agenda, deps: JobDeps): Promise<void> {
  const digest = deps.deliveryDigest;
  if (!digest) return;
  defineJob(
    agenda,
    DELIVERY_DIGEST_JOB,
    deps,
    async (job) => {
      const now = digest.now();
      for (const team of await digest.teams()) {
        // One team's failure (its figures, its channel) leaves the other teams' digests to run.
        const outcome = await runDeliveryDigest(digest.deps, team, now).catch((error: unknown) => {
          deps.log.warn(
            { job: DELIVERY_DIGEST_JOB, standupId: team.id, err: error },
            'delivery digest failed',
          );
          return 'failed' as const;
        });
        await job.touch();
        if (outcome === 'posted' || outcome === 'refused') {
          deps.log.info({ job: DELIVERY_DIGEST_JOB, standupId: team.id, outcome }, 'delivery digest');
        }
      }
    },
    { lockLifetimeMs: 5 * 60_000, oneAtATime: true },
  );
  await agenda.every('15 minutes', DELIVERY_DIGEST_JOB);
}
