import type { Agenda } from 'agenda';
import { deliverNotices } from '../handlers/triage/deliver-notices.ts';
import { defineJob, type JobDeps } from './define-job.ts';

export const TRIAGE_NOTIFY_JOB = 'triage-notify';

/**
 * Every minute: the personal PR messages that have news, to people now in their working hours and within their
 * daily budget. Each delivery is claimed first, so two workers (or a rerun) send each change once.
 */
export async function define(agenda: Agenda, deps: JobDeps): Promise<void> {
  const triage = deps.triage;
  if (!triage) return;
  defineJob(
    agenda,
    TRIAGE_NOTIFY_JOB,
    deps,
    async () => {
      const result = await deliverNotices(triage.notices, triage.now());
      if (result.sent + result.edited + result.refused > 0) {
        deps.log.info({ job: TRIAGE_NOTIFY_JOB, ...result }, 'PR notifications delivered');
      }
    },
    { lockLifetimeMs: 5 * 60_000, oneAtATime: true },
  );
  await agenda.every('1 minute', TRIAGE_NOTIFY_JOB);
}
