import type { Agenda } from 'agenda';
import { tenantsWithOpenBlockers } from '../data/standup/tenants-with-open-blockers.ts';
import { closeBlockersFromFacts } from '../handlers/standup/close-blockers-from-facts.ts';
import { escalateBlockers } from '../handlers/standup/escalate-blockers.ts';
import { nudgeBlockers } from '../handlers/standup/nudge-blockers.ts';
import { defineJob, type JobDeps } from './define-job.ts';

export const STANDUP_BLOCKERS_JOB = 'standup-blockers';

/**
 * Every 15 minutes, per tenant with open blockers: closes those whose PR merged or issue is done, nudges whoever
 * can unblock the rest (within their hours, once a working day), and escalates the ones open too long to the
 * standup's owner (once). Claims make a run twice, or two runs at once, send once.
 */
export async function define(agenda: Agenda, deps: JobDeps): Promise<void> {
  const { models, standupBlockers } = deps;
  if (!models || !standupBlockers) return;
  defineJob(
    agenda,
    STANDUP_BLOCKERS_JOB,
    deps,
    async () => {
      const now = new Date();
      for (const tenantId of await tenantsWithOpenBlockers(models.StandupBlocker)) {
        const closed = await closeBlockersFromFacts(standupBlockers, tenantId, now);
        const nudged = await nudgeBlockers(standupBlockers, tenantId, now);
        const escalated = await escalateBlockers(standupBlockers, tenantId, now);
        if (closed + nudged + escalated > 0) {
          deps.log.info(
            { tenantId, closed, nudged, escalated },
            'standup blockers closed, nudged, escalated',
          );
        }
      }
    },
    // A few queries and messages per tenant: a short lock, as for the stale-docs digest.
    { lockLifetimeMs: 10_000 },
  );
  await agenda.every('15 minutes', STANDUP_BLOCKERS_JOB);
}
