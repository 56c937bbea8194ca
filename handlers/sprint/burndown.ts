/** The burndown: work left at the start, each following midnight (UTC) and the close, beside the ideal line. */
import { workingDuration } from '../availability/working-time.ts';
import type { WorkingCalendar } from '../availability/types.ts';
import type { BurndownPoint } from './types.ts';

const DAY = 86_400_000;

const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * The instants the chart shows, one per day label: the start on its own day, midnight on each day between, the
 * end on its day. While the sprint runs, today's point is now and later days have no measurement yet.
 */
export function burndownInstants(start: Date, end: Date, now: Date | undefined): { day: string; at: Date }[] {
  const points: { day: string; at: Date }[] = [{ day: isoDay(start), at: start }];
  const firstMidnight = Math.floor(start.getTime() / DAY) * DAY + DAY;
  for (let midnight = firstMidnight; midnight < end.getTime(); midnight += DAY) {
    points.push({ day: isoDay(new Date(midnight)), at: new Date(midnight) });
  }
  const last = points.at(-1)!;
  if (isoDay(end) === last.day) last.at = end;
  else points.push({ day: isoDay(end), at: end });
  if (now) {
    const today = points.find((point) => point.day === isoDay(now));
    if (today && now >= start) today.at = now;
  }
  return points;
}

/**
 * The ideal line falls from the committed work to zero over the sprint's working time, so it stays flat over
 * weekends and holidays, as Jira's guideline does. A sprint without any working time falls in calendar time.
 */
export function idealAt(
  committed: number,
  start: Date,
  end: Date,
  at: Date,
  calendar: WorkingCalendar,
): number {
  const total = workingDuration(calendar, start, end);
  const share =
    total > 0
      ? workingDuration(calendar, start, at) / total
      : (at.getTime() - start.getTime()) / Math.max(1, end.getTime() - start.getTime());
  return committed * (1 - Math.min(1, Math.max(0, share)));
}

/**
 * The burndown's points from the start to `end` (the close, or the planned end), the ideal line reaching zero at
 * the planned end; `remainingAt` counts the work left at an instant (points, or issues).
 */
export function buildBurndown(
  start: Date,
  end: Date,
  plannedEnd: Date,
  now: Date | undefined,
  committed: number,
  calendar: WorkingCalendar,
  remainingAt: (at: Date) => number,
): BurndownPoint[] {
  const round = (value: number) => Math.round(value * 100) / 100;
  return burndownInstants(start, end, now).map(({ day, at }) => ({
    day,
    at,
    ideal: round(idealAt(committed, start, plannedEnd, at, calendar)),
    ...(now && at > now ? {} : { remaining: round(remainingAt(at)) }),
  }));
}
