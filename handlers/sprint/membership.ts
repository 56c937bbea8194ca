/** Whether an issue was in the sprint at a given instant: from its sprint-change history, else the start snapshot. */
import { valueAt, type Change } from './value-at.ts';
import type { FieldChange, SprintIssue, SprintSnapshot } from './types.ts';

export interface Membership {
  at(time: Date): boolean;
  /** Every instant the membership may have changed, for finding additions and removals in a span. */
  changeTimes: Date[];
  /** Where the answer at the start came from. */
  source: 'history' | 'snapshot' | 'assumed';
}

/** Jira's changelog names sprints by id, comma-separated: "37, 38" (empty when the issue was in none). */
export function sprintIdsOf(text: string | undefined): number[] {
  return (text ?? '').match(/\d+/g)?.map(Number) ?? [];
}

/**
 * Membership with history is exact whatever order events came in: every move in or out of a sprint is a
 * changelog entry. Without it, the snapshot taken at the start decides the start; an issue created after the
 * start was not in it; and an issue the snapshot lacks counts as in only if nothing about it changed since the
 * start (its create event may simply have arrived after the snapshot). A change the history lacks is dated at
 * the issue's latest update.
 */
export function membershipOf(
  issue: SprintIssue,
  sprintChanges: readonly FieldChange[],
  sprintId: number,
  start: Date,
  snapshot: SprintSnapshot | undefined,
  asOf: Date,
): Membership {
  const currentIn = issue.sprintIds.includes(sprintId);
  if (sprintChanges.length > 0) {
    const changes: Change<boolean>[] = sprintChanges.map((change) => ({
      at: change.at,
      from: sprintIdsOf(change.from).includes(sprintId),
      to: sprintIdsOf(change.to).includes(sprintId),
    }));
    const created = issue.createdAt;
    return {
      at: (time) => (created && time < created ? false : valueAt(changes, currentIn, time)),
      changeTimes: changes.map((change) => change.at),
      source: 'history',
    };
  }
  const createdAfterStart = issue.createdAt !== undefined && issue.createdAt > start;
  const inSnapshot = snapshot?.issues.some((entry) => entry.issueId === issue.issueId) ?? false;
  const unchangedSinceStart = issue.updatedAt === undefined || issue.updatedAt <= start;
  const atStart = createdAfterStart
    ? false
    : inSnapshot || (currentIn && (snapshot === undefined || unchangedSinceStart));
  if (atStart === currentIn) {
    return {
      at: (time) => (issue.createdAt && time < issue.createdAt ? false : atStart),
      changeTimes: [],
      source: inSnapshot ? 'snapshot' : 'assumed',
    };
  }
  const changedAt = !atStart && createdAfterStart ? issue.createdAt! : (issue.updatedAt ?? asOf);
  const switchAt = changedAt < start ? start : changedAt;
  return {
    at: (time) => (time < switchAt ? atStart : currentIn),
    changeTimes: [switchAt],
    source: inSnapshot || snapshot ? 'snapshot' : 'assumed',
  };
}
