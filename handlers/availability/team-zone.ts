import type { Standup } from '../standup/types.ts';
import type { CalendarSource } from './types.ts';

/**
 * A team's zone: its standup owner's (their `tz`, else their chat profile's, else UTC). A standup has no zone
 * of its own (each member is prompted in theirs), and the owner is who set the team up.
 */
export async function teamZoneOf(
  calendars: CalendarSource,
  standup: Pick<Standup, 'tenantId' | 'owner'>,
): Promise<string> {
  const calendar = (await calendars.calendarsOf(standup.tenantId, [standup.owner])).get(
    `${standup.owner.tool}:${standup.owner.handle}`,
  );
  return calendar?.timeZone ?? 'UTC';
}
