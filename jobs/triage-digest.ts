import type { Agenda } from 'agenda';
import { runDigestTick } from '../handlers/triage/run-digest-tick.ts';
import { defineJob, type JobDeps } from './define-job.ts';

export const TRIAGE_DIGEST_JOB = 'triage-digest';

/**
 * Every five minutes: each team's (each active standup's) triage digest. At the team's time on a weekday it
 * posts when something is actionable; later runs edit that one message as its PRs are resolved.
 */
export async function define(agenda: Agenda, deps: JobDeps): Promise<void> {
  const triage = deps.triage;
  if (!triage) return;
  defineJob(
    agenda,
    TRIAGE_DIGEST_JOB,
    deps,
    async (job) => {
      const now = triage.now();
      for (const team of await triage.teams()) {
        // One team's failure (its queue, its channel) leaves the other teams' digests to run.
        const outcome = await runDigestTick(triage.digest, team, now).catch((error: unknown) => {
          deps.log.warn({ job: TRIAGE_DIGEST_JOB, standupId: team.id, err: error }, 'triage digest failed');
          return 'failed' as const;
        });
        await job.touch();
        if (outcome === 'posted' || outcome === 'edited' || outcome === 'refused') {
          deps.log.info({ job: TRIAGE_DIGEST_JOB, standupId: team.id, outcome }, 'triage digest');
        }
      }
    },
    { lockLifetimeMs: 5 * 60_000, oneAtATime: true },
  );
  await agenda.every('5 minutes', TRIAGE_DIGEST_JOB);
}
