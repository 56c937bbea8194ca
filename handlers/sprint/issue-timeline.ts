/** An issue's story points, status and flag at any instant, read back from its changes. */
import { becameAt, valueAt, type Change } from './value-at.ts';
import type { FieldChange, SprintIssue, SprintSnapshot, StatusChange } from './types.ts';

export interface IssueTimeline {
  pointsAt(time: Date): number | undefined;
  categoryAt(time: Date): string | undefined;
  statusAt(time: Date): string | undefined;
  flaggedAt(time: Date): boolean;
  /** When the flag or a blocked status that holds at `time` began; undefined when the history does not say. */
  blockedSince(time: Date): Date | undefined;
}

const BLOCKED_STATUS = /block/i;

function pointsOf(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Without a change history, the value seen in the start snapshot holds up to the snapshot, and the current
 * one after it: the change happened at a time the bot did not see.
 */
function withSnapshot<T>(changes: Change<T>[], current: T, seen: T | undefined, takenAt: Date | undefined) {
  return (time: Date): T => {
    if (changes.length === 0 && seen !== undefined && takenAt && time <= takenAt) return seen;
    return valueAt(changes, current, time);
  };
}

/**
 * `categories` maps a status name to its Jira category, for transitions stored without one (ingestion adds
 * `fromCategory`/`toCategory` where the status list is known).
 */
export function timelineOf(
  issue: SprintIssue,
  statusChanges: readonly StatusChange[],
  fieldChanges: readonly FieldChange[],
  snapshot: SprintSnapshot | undefined,
  categories: ReadonlyMap<string, string>,
): IssueTimeline {
  const seen = snapshot?.issues.find((entry) => entry.issueId === issue.issueId);
  const categoryOf = (name: string | undefined, given: string | undefined) =>
    given ?? (name === undefined ? undefined : categories.get(name.toLowerCase()));
  const statusNames: Change<string | undefined>[] = statusChanges.map((change) => ({
    at: change.at,
    from: change.from,
    to: change.to,
  }));
  const statusCategories: Change<string | undefined>[] = statusChanges.map((change) => ({
    at: change.at,
    from: categoryOf(change.from, change.fromCategory),
    to: categoryOf(change.to, change.toCategory),
  }));
  const points: Change<number | undefined>[] = fieldChanges
    .filter((change) => change.field === 'points')
    .map((change) => ({ at: change.at, from: pointsOf(change.from), to: pointsOf(change.to) }));
  const flags: Change<boolean>[] = fieldChanges
    .filter((change) => change.field === 'flagged')
    .map((change) => ({ at: change.at, from: Boolean(change.from), to: Boolean(change.to) }));
  const takenAt = snapshot?.takenAt;
  const categoryAt = withSnapshot(statusCategories, issue.statusCategory, seen?.statusCategory, takenAt);
  const statusAt = (time: Date) => valueAt(statusNames, issue.status, time);
  const flaggedAt = (time: Date) => valueAt(flags, issue.flagged ?? false, time);
  return {
    pointsAt: withSnapshot(points, issue.storyPoints, seen?.storyPoints, takenAt),
    categoryAt,
    statusAt,
    flaggedAt,
    blockedSince(time) {
      if (flaggedAt(time)) return becameAt(flags, (flagged) => flagged, time);
      return becameAt(statusNames, (name) => BLOCKED_STATUS.test(name ?? ''), time);
    },
  };
}

export const isBlockedStatus = (status: string | undefined) => BLOCKED_STATUS.test(status ?? '');
