import { isDuplicateKey } from '../db/duplicate-key.ts';
import { tenantCollection } from '../db/tenant-collection.ts';
import type { Models } from '../models/index.ts';
import { sprintSnapshotIdOf, type SprintSnapshotFields } from '../models/sprint-snapshot.ts';
import type { FactWrite } from '../sources/fact-write.ts';

type SnapshotModels = Pick<Models, 'SprintSnapshot' | 'JiraIssue'>;

/** The sprints a batch of writes says just started: only the sprint_started event's write says so. */
function startedSprints(writes: readonly FactWrite[]): { sprintId: number; eventAt?: Date }[] {
  return writes
    .filter((write) => write.kind === 'sprint' && write.event?.type === 'sprint_started')
    .map((write) => ({ sprintId: Number(write.key.sprintId), eventAt: write.event?.at }));
}

/**
 * After a sprint_started webhook's facts are written: the sprint's issues as the facts hold them now, stored once
 * per sprint (a replay or a second process loses the insert and keeps the first). Issues whose events arrive later
 * are placed by their own sprint-change history when sprint health is read (handlers/sprint/membership.ts).
 */
export async function takeSprintSnapshots(
  models: SnapshotModels,
  tenantId: string,
  writes: readonly FactWrite[],
  now: Date,
): Promise<number> {
  let taken = 0;
  for (const { sprintId, eventAt } of startedSprints(writes)) {
    const snapshots = tenantCollection(models.SprintSnapshot);
    const _id = sprintSnapshotIdOf(tenantId, sprintId);
    if (await snapshots.findById(tenantId, _id)) continue;
    // An array-field match scans on FerretDB v1; a sprint starts once every week or two, so this stays rare.
    const issues = await models.JiraIssue.find(
      { tenantId, sprintIds: sprintId, deleted: { $ne: true } },
      { issueId: 1, key: 1, storyPoints: 1, statusCategory: 1 },
    ).lean();
    const document: SprintSnapshotFields = {
      _id,
      tenantId,
      sprintId,
      takenAt: now,
      ...(eventAt ? { eventAt } : {}),
      issues: issues.map((issue) => ({
        issueId: issue.issueId,
        ...(issue.key ? { key: issue.key } : {}),
        ...(issue.storyPoints === undefined || issue.storyPoints === null
          ? {}
          : { storyPoints: issue.storyPoints }),
        ...(issue.statusCategory ? { statusCategory: issue.statusCategory } : {}),
      })),
    };
    try {
      await snapshots.insertOne(document);
      taken += 1;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  return taken;
}
