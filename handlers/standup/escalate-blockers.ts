import { isWorking } from '../availability/working-time.ts';
import { calendarOf, workingDaysSince } from './blocker-calendar.ts';
import { escalationNotice } from './blocker-notices.ts';
import type { BlockerDeps } from './blocker-types.ts';
import { accountKey } from './types.ts';

/**
 * DMs the standup's owner once about each blocker open for `escalateAfterDays` working days of the member who
 * reported it, within the owner's working hours. A blocker the owner reported themselves is not escalated.
 * Returns how many escalations went.
 */
export async function escalateBlockers(deps: BlockerDeps, tenantId: string, now: Date): Promise<number> {
  const open = (await deps.blockers.openIn(tenantId)).filter(
    (blocker) => blocker.escalatedAt === null && accountKey(blocker.owner) !== accountKey(blocker.member),
  );
  if (open.length === 0) return 0;
  const calendars = await deps.calendars.calendarsOf(
    tenantId,
    open.flatMap((blocker) => [blocker.member, blocker.owner]),
  );
  let sent = 0;
  for (const blocker of open) {
    const days = workingDaysSince(calendarOf(calendars, blocker.member), blocker.date, now);
    if (days < deps.escalateAfterDays) continue;
    if (!isWorking(calendarOf(calendars, blocker.owner), now)) continue;
    if (!(await deps.blockers.claim(tenantId, blocker.id, 'escalate', now))) continue;
    const delivery = await deps.poster.sendDirect(tenantId, blocker.owner, escalationNotice(blocker, days));
    if (!delivery.ok) {
      await deps.blockers.release(tenantId, blocker.id, 'escalate');
      continue;
    }
    await deps.blockers.recordEscalation(tenantId, blocker.id, now);
    sent += 1;
  }
  return sent;
}
