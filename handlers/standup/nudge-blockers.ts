import { dayStatus, isWorking } from '../availability/working-time.ts';
import { calendarOf, localDateOf } from './blocker-calendar.ts';
import { nudgeNotice } from './blocker-notices.ts';
import type { BlockerDeps, Unblocker } from './blocker-types.ts';
import { unblockersOf } from './link-blocker.ts';
import { accountKey } from './types.ts';

const sameUnblockers = (a: Unblocker[], b: Unblocker[]) =>
  a.length === b.length && a.every((one, index) => accountKey(one.account) === accountKey(b[index]!.account));

/**
 * DMs, for each open blocker, the first person who can unblock and is not away today (time off or a public
 * holiday: the next owner or reviewer is asked instead), once they are within their working hours, at most once
 * per blocker per their working day. Returns how many nudges went.
 */
export async function nudgeBlockers(deps: BlockerDeps, tenantId: string, now: Date): Promise<number> {
  const open = await deps.blockers.openIn(tenantId);
  const targetsOf = new Map<string, Unblocker[]>();
  for (const blocker of open) {
    const current = await unblockersOf(deps, tenantId, blocker.items, blocker.member);
    // Facts gone (an item never ingested yet, or since deleted): who was found when it was reported.
    const unblockers = current.length > 0 ? current : blocker.unblockers;
    if (!sameUnblockers(unblockers, blocker.unblockers)) {
      await deps.blockers.setUnblockers(tenantId, blocker.id, unblockers);
    }
    targetsOf.set(blocker.id, unblockers);
  }
  const accounts = [...targetsOf.values()].flat().map((unblocker) => unblocker.account);
  const calendars = accounts.length > 0 ? await deps.calendars.calendarsOf(tenantId, accounts) : new Map();

  let sent = 0;
  for (const blocker of open) {
    const target = targetsOf.get(blocker.id)?.find((unblocker) => {
      const calendar = calendarOf(calendars, unblocker.account);
      const today = dayStatus(calendar, localDateOf(calendar, now)).kind;
      return today !== 'away' && today !== 'holiday';
    });
    if (!target) continue;
    const calendar = calendarOf(calendars, target.account);
    // Not within their hours yet: a later run asks them when they are.
    if (!isWorking(calendar, now)) continue;
    const date = localDateOf(calendar, now);
    if (!(await deps.blockers.claim(tenantId, blocker.id, `nudge:${date}`, now))) continue;
    const delivery = await deps.poster.sendDirect(tenantId, target.account, nudgeNotice(blocker));
    if (!delivery.ok) {
      await deps.blockers.release(tenantId, blocker.id, `nudge:${date}`);
      continue;
    }
    await deps.blockers.recordNudge(tenantId, blocker.id, accountKey(target.account), date);
    sent += 1;
  }
  return sent;
}
