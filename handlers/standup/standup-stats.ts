import { Temporal } from 'temporal-polyfill';
import type { BlockerStore } from './blocker-types.ts';
import type { StandupStatsView, StandupStore } from './types.ts';

const HOUR_MS = 3_600_000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * `/standup stats`: the team's last `days` days (UTC dates up to today) from the day rollups, which outlive the
 * answers, and the median hours from opened to closed of the blockers closed in that time. Team-level only: no
 * counts per person. Undefined when the standup does not exist.
 */
export async function standupStats(
  deps: { blockers: BlockerStore; standups: Pick<StandupStore, 'get'> },
  tenantId: string,
  standupId: string,
  now: Date,
  days = 14,
): Promise<StandupStatsView | undefined> {
  const standup = await deps.standups.get(tenantId, standupId);
  if (!standup) return undefined;
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO('UTC').toPlainDate();
  const dates = Array.from({ length: days }, (_, back) =>
    today.subtract({ days: days - 1 - back }).toString(),
  );
  const rollups = (await deps.blockers.daysOf(tenantId, standupId, dates)).sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  const since = new Date(`${dates[0]}T00:00:00Z`);
  const closed = await deps.blockers.closedSince(tenantId, standupId, since);
  const sum = (counter: 'blockersOpened' | 'blockersClosed' | 'blockersCarried') =>
    rollups.reduce((total, day) => total + day[counter], 0);
  return {
    kind: 'standup-stats',
    standupName: standup.name,
    days: rollups.map(({ date, prompted, answered }) => ({ date, prompted, answered })),
    blockers: {
      opened: sum('blockersOpened'),
      closed: sum('blockersClosed'),
      carried: sum('blockersCarried'),
      medianHoursToUnblock: median(
        closed.map((blocker) => (blocker.closedAt!.getTime() - blocker.openedAt.getTime()) / HOUR_MS),
      ),
    },
  };
}
