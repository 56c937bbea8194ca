import { buildCalendar } from '../../handlers/availability/build-calendar.ts';
import type { HolidayLookup, TeamDefaults } from '../../handlers/availability/types.ts';
import { sprintIdsOf } from '../../handlers/sprint/membership.ts';
import type { SprintHealthSource } from '../../handlers/sprint/ports.ts';
import type { FieldChange, SprintInfo, SprintIssue, TrackedField } from '../../handlers/sprint/types.ts';
import { tenantCollection } from '../db/tenant-collection.ts';
import type { Models } from '../models/index.ts';
import { sprintSnapshotIdOf } from '../models/sprint-snapshot.ts';

type SprintModels = Pick<
  Models,
  'Sprint' | 'JiraIssue' | 'IssueTransition' | 'IssueFieldChange' | 'SprintSnapshot'
>;

const DAY = 86_400_000;
/** Sprint changes this long before a sprint's start can still name it (planning starts early). */
const PLANNING_LOOKBACK_MS = 120 * DAY;
const TRACKED = new Set<string>(['sprint', 'points', 'flagged']);

const orUndefined = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

/** Sprint health's reads of the facts: a sprint's issues now, in its snapshot, or moved in or out of it. */
export function createSprintSource(
  models: SprintModels,
  holidays: HolidayLookup,
  teamDefaultsOf: (tenantId: string) => Promise<TeamDefaults>,
): SprintHealthSource {
  const { Sprint, JiraIssue, IssueTransition, IssueFieldChange, SprintSnapshot } = models;
  return {
    async sprints(tenantId) {
      const sprints = await Sprint.find({ tenantId, deleted: { $ne: true } }).lean();
      return sprints.map((sprint): SprintInfo => ({
        sprintId: sprint.sprintId,
        ...(sprint.name ? { name: sprint.name } : {}),
        ...(sprint.state ? { state: sprint.state } : {}),
        ...(sprint.boardId === undefined || sprint.boardId === null ? {} : { boardId: sprint.boardId }),
        ...(sprint.goal ? { goal: sprint.goal } : {}),
        ...(sprint.startDate ? { startDate: sprint.startDate } : {}),
        ...(sprint.endDate ? { endDate: sprint.endDate } : {}),
        ...(sprint.completeDate ? { completeDate: sprint.completeDate } : {}),
      }));
    },

    async factsOf(tenantId, sprint) {
      const since = new Date((sprint.startDate?.getTime() ?? Date.now()) - PLANNING_LOOKBACK_MS);
      const [members, snapshot, sprintMoves] = await Promise.all([
        JiraIssue.find({ tenantId, sprintIds: sprint.sprintId }, { issueId: 1 }).lean(),
        tenantCollection(SprintSnapshot).findById(tenantId, sprintSnapshotIdOf(tenantId, sprint.sprintId)),
        IssueFieldChange.find({ tenantId, field: 'sprint', at: { $gte: since } }).lean(),
      ]);
      const namesSprint = (text: string | null | undefined) =>
        sprintIdsOf(orUndefined(text)).includes(sprint.sprintId);
      const ids = new Set([
        ...members.map((issue) => issue.issueId),
        ...(snapshot?.issues.map((issue) => issue.issueId) ?? []),
        ...sprintMoves
          .filter((move) => namesSprint(move.from) !== namesSprint(move.to))
          .map((move) => move.issueId),
      ]);
      const issueIds = [...ids];
      const [issues, transitions, changes] = await Promise.all([
        JiraIssue.find({ tenantId, issueId: { $in: issueIds }, deleted: { $ne: true } }).lean(),
        IssueTransition.find({ tenantId, issueId: { $in: issueIds } }).lean(),
        IssueFieldChange.find({ tenantId, issueId: { $in: issueIds } }).lean(),
      ]);
      return {
        issues: issues.map((issue): SprintIssue => ({
          issueId: issue.issueId,
          sprintIds: issue.sprintIds ?? [],
          ...(issue.key ? { key: issue.key } : {}),
          ...(issue.summary ? { summary: issue.summary } : {}),
          ...(issue.status ? { status: issue.status } : {}),
          ...(issue.statusCategory ? { statusCategory: issue.statusCategory } : {}),
          ...(typeof issue.storyPoints === 'number' ? { storyPoints: issue.storyPoints } : {}),
          ...(issue.flagged ? { flagged: true } : {}),
          ...(issue.createdAt ? { createdAt: issue.createdAt } : {}),
          ...(issue.updatedAt ? { updatedAt: issue.updatedAt } : {}),
          ...(issue.assigneeName ? { assigneeName: issue.assigneeName } : {}),
        })),
        statusChanges: transitions
          .filter((move) => move.at)
          .map((move) => ({
            issueId: move.issueId,
            at: move.at!,
            ...(move.from ? { from: move.from } : {}),
            ...(move.to ? { to: move.to } : {}),
            ...(move.fromCategory ? { fromCategory: move.fromCategory } : {}),
            ...(move.toCategory ? { toCategory: move.toCategory } : {}),
          })),
        fieldChanges: changes
          .filter((change) => change.at && TRACKED.has(change.field))
          .map((change): FieldChange => ({
            issueId: change.issueId,
            at: change.at!,
            field: change.field as TrackedField,
            from: change.from ?? '',
            to: change.to ?? '',
          })),
        ...(snapshot
          ? {
              snapshot: {
                sprintId: snapshot.sprintId,
                takenAt: snapshot.takenAt,
                issues: snapshot.issues.map((issue) => ({
                  issueId: issue.issueId,
                  ...(typeof issue.storyPoints === 'number' ? { storyPoints: issue.storyPoints } : {}),
                  ...(issue.statusCategory ? { statusCategory: issue.statusCategory } : {}),
                })),
              },
            }
          : {}),
      };
    },

    async calendarOf(tenantId) {
      return buildCalendar({ timeOff: [] }, await teamDefaultsOf(tenantId), holidays);
    },
  };
}
