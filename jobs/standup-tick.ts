import type { Agenda } from 'agenda';
import { runStandupTick } from '../handlers/standup/run-standup-tick.ts';
import { defineJob, type JobDeps } from './define-job.ts';

export const STANDUP_TICK_JOB = 'standup-tick';

/**
 * Every minute: each active standup's due prompts, reminders and reports. Every message is claimed before it
 * is sent, so two processes running this at once, or a run after a crash mid-fan-out, send nothing twice.
 */
export async function define(agenda: Agenda, deps: JobDeps): Promise<void> {
  const standups = deps.standups;
  if (!standups) return;
  defineJob(
    agenda,
    STANDUP_TICK_JOB,
    deps,
    async (job) => {
      const now = standups.now();
      for (const standup of await standups.active()) {
        const result = await runStandupTick(standups.deps, standup, now);
        // A fan-out to thousands outlasts a short lock: touching it keeps other workers from a parallel run.
        await job.touch();
        if (result.prompted + result.reminded + result.refused + result.reported.length > 0) {
          deps.log.info({ job: STANDUP_TICK_JOB, standupId: standup.id, ...result }, 'standup tick');
        }
      }
    },
    // A second run in the same process would only contend for the same claims: one here, the rest on other workers.
    { lockLifetimeMs: 5 * 60_000, oneAtATime: true },
  );
  await agenda.every('1 minute', STANDUP_TICK_JOB);
}
