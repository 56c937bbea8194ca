import { teamZoneOf } from '../availability/team-zone.ts';
import type { CalendarSource } from '../availability/types.ts';
import type { ChatPoster } from '../delivery/types.ts';
import type { Standup } from '../standup/types.ts';
import { localTimeOf } from '../triage/local-time.ts';
import { digestWeekOf } from './digest-week.ts';
import { readDigestInput, type DigestSources } from './read-digest-input.ts';
import { selectDigest } from './select-digest.ts';
import type { DeliveryDigestSettings, DeliveryDigestStore } from './types.ts';

export interface DeliveryDigestDeps extends DigestSources {
  digests: DeliveryDigestStore;
  poster: ChatPoster;
  calendars: CalendarSource;
}

export type DeliveryDigestOutcome = 'off' | 'not-due' | 'done' | 'posted' | 'refused';

/**
 * Due on the team's day from its time on. Only that day: a team that opts in on a Wednesday hears first on its
 * next digest day, not at once; a bot down all that day misses that week.
 */
const isDue = (settings: DeliveryDigestSettings, local: { weekday: number; time: string }) =>
  local.weekday === settings.weekday && local.time >= settings.time;

/**
 * One tick of a team's weekly delivery digest: when due in the team's zone, whoever claims the team's ISO week
 * (an insert-once record) reads last week against the week before and posts one message. A refused post gives
 * the claim back for the next tick; a crash between claim and post leaves it claimed, so that week's digest is
 * missed rather than posted twice.
 */
export async function runDeliveryDigest(
  deps: DeliveryDigestDeps,
  standup: Standup,
  now: Date,
): Promise<DeliveryDigestOutcome> {
  const { tenantId } = standup;
  const settings = await deps.digests.settingsOf(tenantId, standup.id);
  if (!settings?.enabled) return 'off';
  const local = localTimeOf(await teamZoneOf(deps.calendars, standup), now);
  if (!isDue(settings, local)) return 'not-due';
  const week = digestWeekOf(local.date);
  if (!(await deps.digests.claim(tenantId, standup.id, week.key, now))) return 'done';
  const view = await readDigestInput(deps, standup, week, now).then(selectDigest, async (error: unknown) => {
    // Nothing was posted (reading the figures failed): the next tick may try again.
    await deps.digests.release(tenantId, standup.id, week.key);
    throw error;
  });
  const posted = await deps.poster.post(tenantId, { surface: settings.surface, id: settings.channel }, view);
  if (!posted.ok) {
    await deps.digests.release(tenantId, standup.id, week.key);
    return 'refused';
  }
  await deps.digests.posted(tenantId, standup.id, week.key, posted.ref, now);
  return 'posted';
}
