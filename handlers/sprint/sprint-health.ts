/** Sprint health: committed against completed, scope changes, carry-over, blocked work and the burndown. */
import { workingDuration } from '../availability/working-time.ts';
import { buildBurndown } from './burndown.ts';
import { timelineOf, isBlockedStatus, type IssueTimeline } from './issue-timeline.ts';
import { membershipOf, sprintIdsOf, type Membership } from './membership.ts';
import type {
  BlockedItem,
  CarriedItem,
  SprintHealth,
  SprintHealthInput,
  SprintIssue,
  SprintItem,
  WorkCount,
} from './types.ts';
import { judgeSprint } from './verdict.ts';

/** A snapshot taken this long after the start still shows the sprint as it started. */
export const TIMELY_SNAPSHOT_MS = 3_600_000;

interface Tracked {
  issue: SprintIssue;
  membership: Membership;
  timeline: IssueTimeline;
  /** Every sprint id the issue was ever in, from its field and its history. */
  everIn: Set<number>;
}

function hoursPerDay({ workingHours }: SprintHealthInput['calendar']): number {
  const minutes = (time: string) => {
    const [hours = 0, mins = 0] = time.split(':').map(Number);
    return hours * 60 + mins;
  };
  return Math.max(1, minutes(workingHours.end) - minutes(workingHours.start)) / 60;
}

/** Status name → category, from every category the facts name: for transitions stored without one. */
function knownCategories(input: SprintHealthInput): Map<string, string> {
  const categories = new Map<string, string>();
  const note = (name: string | undefined, category: string | undefined) => {
    if (name && category && !categories.has(name.toLowerCase())) categories.set(name.toLowerCase(), category);
  };
  for (const issue of input.issues) note(issue.status, issue.statusCategory);
  for (const change of input.statusChanges) {
    note(change.to, change.toCategory);
    note(change.from, change.fromCategory);
  }
  return categories;
}

const itemOf = (tracked: Tracked, points: number | undefined): SprintItem => ({
  issueId: tracked.issue.issueId,
  key: tracked.issue.key ?? tracked.issue.issueId,
  ...(tracked.issue.summary ? { summary: tracked.issue.summary } : {}),
  ...(points === undefined ? {} : { points }),
});

function countOf(items: SprintItem[]): WorkCount & { items: SprintItem[] } {
  const sorted = [...items].sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));
  return {
    issues: items.length,
    points: items.reduce((sum, item) => sum + (item.points ?? 0), 0),
    items: sorted,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Pure: the health of one sprint as of its close (closed) or now (active). */
export function measureSprintHealth(input: SprintHealthInput): SprintHealth | undefined {
  const { sprint, snapshot, calendar, now } = input;
  const start = sprint.startDate;
  if (!start) return undefined;
  const closeAt = sprint.completeDate ?? (sprint.state === 'closed' ? sprint.endDate : undefined);
  const closed = closeAt !== undefined;
  const asOf = closeAt ?? now;
  const end = closeAt ?? sprint.endDate ?? now;
  const usable = snapshot && snapshot.sprintId === sprint.sprintId ? snapshot : undefined;
  const categories = knownCategories(input);
  const statusByIssue = groupBy(input.statusChanges, (change) => change.issueId);
  const fieldsByIssue = groupBy(input.fieldChanges, (change) => change.issueId);

  const tracked: Tracked[] = input.issues.map((issue) => {
    const fields = fieldsByIssue.get(issue.issueId) ?? [];
    const sprintChanges = fields.filter((change) => change.field === 'sprint');
    return {
      issue,
      membership: membershipOf(issue, sprintChanges, sprint.sprintId, start, usable, asOf),
      timeline: timelineOf(issue, statusByIssue.get(issue.issueId) ?? [], fields, usable, categories),
      everIn: new Set([
        ...issue.sprintIds,
        ...sprintChanges.flatMap((change) => [...sprintIdsOf(change.from), ...sprintIdsOf(change.to)]),
      ]),
    };
  });
  const usesPoints = tracked.some(
    ({ issue, timeline }) => issue.storyPoints !== undefined || timeline.pointsAt(start) !== undefined,
  );
  const inAt = (entry: Tracked, at: Date) => entry.membership.at(at);
  const doneAt = (entry: Tracked, at: Date) => entry.timeline.categoryAt(at) === 'done';
  const inDuring = (entry: Tracked) =>
    entry.membership.changeTimes.some((at) => at > start && at <= asOf && inAt(entry, at));

  const committed = tracked.filter((entry) => inAt(entry, start));
  const atClose = tracked.filter((entry) => inAt(entry, asOf));
  const completed = atClose.filter((entry) => doneAt(entry, asOf));
  const added = tracked.filter((entry) => !inAt(entry, start) && (inAt(entry, asOf) || inDuring(entry)));
  const removed = tracked.filter((entry) => !inAt(entry, asOf) && (inAt(entry, start) || inDuring(entry)));
  const pointsAt = (at: Date) => (entry: Tracked) => itemOf(entry, entry.timeline.pointsAt(at));

  const earlier = new Set(
    input.boardSprints
      .filter((other) => other.sprintId !== sprint.sprintId && other.startDate && other.startDate < start)
      .map((other) => other.sprintId),
  );
  const carried: CarriedItem[] = committed
    .map((entry) => ({
      ...itemOf(entry, entry.timeline.pointsAt(start)),
      sprints: [...entry.everIn].filter((id) => earlier.has(id)).length,
    }))
    .filter((item) => item.sprints > 0)
    .sort((a, b) => b.sprints - a.sprints || a.key.localeCompare(b.key, 'en', { numeric: true }));

  const perDay = hoursPerDay(calendar) * 3_600_000;
  const blocked: BlockedItem[] = atClose
    .filter((entry) => !doneAt(entry, asOf))
    .flatMap((entry): BlockedItem[] => {
      const flagged = entry.timeline.flaggedAt(asOf);
      if (!flagged && !isBlockedStatus(entry.timeline.statusAt(asOf))) return [];
      const since = entry.timeline.blockedSince(asOf);
      return [
        {
          ...itemOf(entry, entry.timeline.pointsAt(asOf)),
          reason: flagged ? 'flagged' : 'status',
          ...(since
            ? {
                since,
                workingDays: Math.round((workingDuration(calendar, since, asOf) / perDay) * 10) / 10,
              }
            : {}),
        },
      ];
    })
    .sort((a, b) => (b.workingDays ?? -1) - (a.workingDays ?? -1) || a.key.localeCompare(b.key));

  const weigh = (entry: Tracked, at: Date) => (usesPoints ? (entry.timeline.pointsAt(at) ?? 0) : 1);
  const committedCount = countOf(committed.map(pointsAt(start)));
  const committedWork = usesPoints ? committedCount.points : committedCount.issues;
  const plannedEnd = sprint.endDate ?? end;
  const burndown = buildBurndown(
    start,
    end,
    plannedEnd,
    closed ? undefined : now,
    committedWork,
    calendar,
    (at) =>
      tracked
        .filter((entry) => inAt(entry, at) && !doneAt(entry, at))
        .reduce((sum, entry) => sum + weigh(entry, at), 0),
  );
  const totalWork = workingDuration(calendar, start, plannedEnd);
  const elapsed =
    totalWork > 0 ? Math.min(1, workingDuration(calendar, start, asOf) / totalWork) : asOf >= end ? 1 : 0;
  const completedCommitted = countOf(
    committed.filter((entry) => doneAt(entry, asOf) && inAt(entry, asOf)).map(pointsAt(asOf)),
  );
  const sources = committed.map((entry) => entry.membership.source);
  const measured = {
    sprint,
    asOf,
    closed,
    elapsed: Math.round(elapsed * 1000) / 1000,
    unit: usesPoints ? ('points' as const) : ('issues' as const),
    committed: committedCount,
    completed: countOf(completed.map(pointsAt(asOf))),
    completedOfCommitted: { issues: completedCommitted.issues, points: completedCommitted.points },
    added: countOf(added.map(pointsAt(asOf))),
    removed: countOf(removed.map(pointsAt(asOf))),
    notDone: countOf(atClose.filter((entry) => !doneAt(entry, asOf)).map(pointsAt(asOf))),
    carryOver: { issues: carried.length, items: carried },
    blocked,
    burndown,
    basis: {
      snapshot: !usable
        ? ('none' as const)
        : usable.takenAt.getTime() - start.getTime() <= TIMELY_SNAPSHOT_MS
          ? ('webhook' as const)
          : ('late' as const),
      fromHistory: sources.filter((source) => source === 'history').length,
      assumed: sources.filter((source) => source === 'assumed').length,
    },
  };
  return { ...measured, verdict: judgeSprint(measured) };
}
