import { tenantCollection } from '../db/tenant-collection.ts';
import type { Models } from '../models/index.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;
/** Triage bookkeeping is history after this long: nothing that decides today's sends reads it. */
export const TRIAGE_RECORD_DAYS = 30;

type PurgeModels = Pick<
  Models,
  'TriageNudge' | 'TriageNotice' | 'TriageNoticeEvent' | 'DeliveryClaim' | 'TriageDigest' | 'TriageSnooze'
>;

export interface PurgedTriageRecords {
  nudges: number;
  notices: number;
  budgetSlots: number;
  digests: number;
  snoozes: number;
}

/**
 * Removes triage claims and messages older than TRIAGE_RECORD_DAYS, tenant by tenant in batches: nudge claims
 * and daily budget slots (each is keyed by a past local date, so none can be claimed again), digests of past
 * days, day snoozes that ran out, and PR notices with no event for that long, with their events and delivery
 * claims (a later event on that PR starts a new message instead of editing a month-old one). A notice still
 * waiting to be delivered is kept, whatever its age.
 */
export async function purgeTriageRecords(
  models: PurgeModels,
  now = new Date(),
  days = TRIAGE_RECORD_DAYS,
): Promise<PurgedTriageRecords> {
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const purged: PurgedTriageRecords = { nudges: 0, notices: 0, budgetSlots: 0, digests: 0, snoozes: 0 };

  purged.nudges = await deleteOld(models.TriageNudge, { claimedAt: { $lt: cutoff } });
  purged.digests = await deleteOld(models.TriageDigest, { claimedAt: { $lt: cutoff } });
  purged.snoozes = await deleteOld(models.TriageSnooze, { until: { $lt: now } });
  purged.budgetSlots = await deleteOld(models.DeliveryClaim, { claimedAt: { $lt: cutoff } }, (id) =>
    id.includes('|notify-budget|'),
  );

  const stale = { changedAt: { $lt: cutoff }, pending: false };
  for (const tenantId of await tenantCollection(models.TriageNotice).tenantIds(stale)) {
    for (;;) {
      const notices = await models.TriageNotice.find({ tenantId, ...stale }, { _id: 1, revision: 1 })
        .limit(BATCH)
        .lean();
      if (notices.length === 0) break;
      const ids = notices.map((notice) => notice._id);
      const claims = notices.flatMap((notice) =>
        Array.from({ length: notice.revision }, (_, i) => `${notice._id}|r${i + 1}`),
      );
      await models.TriageNoticeEvent.deleteMany({ tenantId, noticeId: { $in: ids } });
      await models.DeliveryClaim.deleteMany({ tenantId, _id: { $in: claims } });
      purged.notices += (await models.TriageNotice.deleteMany({ tenantId, _id: { $in: ids } })).deletedCount;
    }
  }
  return purged;
}

type IdModel = PurgeModels[keyof PurgeModels];

/** Deletes a model's documents matching `old` (and, when given, whose `_id` `matches`), per tenant. */
async function deleteOld(
  model: IdModel,
  old: Record<string, unknown>,
  matches: (id: string) => boolean = () => true,
): Promise<number> {
  // Each model's own `find`/`deleteMany` accept this filter; the union type cannot say so.
  const collection = model as unknown as PurgeModels['TriageNudge'];
  let deleted = 0;
  for (const tenantId of await tenantCollection(collection).tenantIds(old)) {
    let after = '';
    for (;;) {
      const page = await collection
        .find({ tenantId, ...old, _id: { $gt: after } }, { _id: 1 })
        .sort({ _id: 1 })
        .limit(BATCH)
        .lean();
      if (page.length === 0) break;
      after = page.at(-1)!._id;
      const ids = page.map((doc) => doc._id).filter(matches);
      if (ids.length > 0)
        deleted += (await collection.deleteMany({ tenantId, _id: { $in: ids } })).deletedCount;
    }
  }
  return deleted;
}
