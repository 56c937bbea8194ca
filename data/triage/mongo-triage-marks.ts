import type { Model } from 'mongoose';
import { insertOnce } from '../db/duplicate-key.ts';
import { tenantCollection } from '../db/tenant-collection.ts';
import type { TriageMarks } from '../../handlers/triage/triage-ports.ts';
import type { TriageNudgeFields } from '../models/triage-nudge.ts';
import type { TriageSnoozeFields } from '../models/triage-snooze.ts';
import type { TriageTakenFields } from '../models/triage-taken.ts';

/** How far GitHub's clock (a PR's openedAt) and ours (a mark's takenAt) may disagree. */
const TAKEN_CLOCK_MARGIN_MS = 3_600_000;

/** The /triage buttons' memory in MongoDB/FerretDB: every read and write goes by `_id`, except a viewer's snoozes. */
export function createTriageMarks(models: {
  TriageNudge: Model<TriageNudgeFields>;
  TriageSnooze: Model<TriageSnoozeFields>;
  TriageTaken: Model<TriageTakenFields>;
}): TriageMarks {
  const nudges = tenantCollection(models.TriageNudge);
  const snoozes = tenantCollection(models.TriageSnooze);
  const taken = tenantCollection(models.TriageTaken);
  const nudgeId = (tenantId: string, pull: string, login: string, localDate: string) =>
    `${tenantId}|${pull}|${login.toLowerCase()}|${localDate}`;
  const takenId = (tenantId: string, repo: string, number: number) => `${tenantId}|${repo}#${number}`;
  return {
    async snooze(tenantId, viewer, snooze) {
      const _id = `${tenantId}|${viewer}|${snooze.repo}#${snooze.number}`;
      // Replaced whole: a day's snooze and a next-commit snooze do not mix.
      await snoozes.deleteById(tenantId, _id);
      await insertOnce(() =>
        snoozes.insertOne({
          _id,
          tenantId,
          viewer,
          repo: snooze.repo,
          number: snooze.number,
          ...(snooze.until ? { until: snooze.until } : {}),
          ...(snooze.head !== undefined ? { head: snooze.head } : {}),
          snoozedAt: new Date(),
        }),
      );
    },
    async snoozesOf(tenantId, viewer) {
      const found = await models.TriageSnooze.find({ tenantId, viewer }).lean();
      return found.map(({ repo, number, until, head }) => ({
        repo,
        number,
        ...(until ? { until } : {}),
        ...(head !== undefined ? { head } : {}),
      }));
    },
    take: (tenantId, mark) =>
      insertOnce(() =>
        taken.insertOne({
          _id: takenId(tenantId, mark.repo, mark.number),
          tenantId,
          repo: mark.repo,
          number: mark.number,
          by: mark.by,
          account: mark.account,
          takenAt: new Date(),
        }),
      ),
    async takenOf(tenantId, pulls) {
      if (pulls.length === 0) return [];
      const wanted = new Set(pulls.map((pull) => takenId(tenantId, pull.repo, pull.number)));
      if (pulls.length === 1) {
        // A click's answer: the one mark by `_id`, which FerretDB pushes down.
        const mark = await taken.findById(tenantId, [...wanted][0]!);
        return mark ? [{ repo: mark.repo, number: mark.number, by: mark.by }] : [];
      }
      // One read of the tenant's marks, not one per PR: a team's queue of 200 PRs sent 200 lookups at once,
      // 0.3 s on FerretDB (`$in` on `_id` would scan all the same). A mark is never older than its PR, so only
      // those since the oldest PR asked about opened (an hour's margin for clocks), not every mark ever made.
      const openings = pulls.map((pull) => pull.openedAt?.getTime() ?? 0);
      const since = Math.min(...openings) - TAKEN_CLOCK_MARGIN_MS;
      const found = await models.TriageTaken.find(
        { tenantId, ...(since > 0 ? { takenAt: { $gte: new Date(since) } } : {}) },
        { repo: 1, number: 1, by: 1 },
      ).lean();
      return found
        .filter((mark) => wanted.has(mark._id))
        .map((mark) => ({ repo: mark.repo, number: mark.number, by: mark.by }));
    },
    claimNudge: (tenantId, pull, login, localDate, at) =>
      insertOnce(() =>
        nudges.insertOne({ _id: nudgeId(tenantId, pull, login, localDate), tenantId, claimedAt: at }),
      ),
    async releaseNudge(tenantId, pull, login, localDate) {
      await nudges.deleteById(tenantId, nudgeId(tenantId, pull, login, localDate));
    },
  };
}
