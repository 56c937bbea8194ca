import { tenantCollection } from '../db/tenant-collection.ts';
import type { AnswerRecordModel } from '../models/answer-record.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;

/** What an answer record keeps of its view once purged: nothing a person wrote or was told. */
export const PURGED_VIEW = { purged: true } as const;

/**
 * Removes the question and answer text of answers older than `retentionDays` (ASK_RETENTION_DAYS): the
 * stored view becomes `{ purged: true }`. What the quality report and the stale-docs digest count stays:
 * the answer's mode, date and cited sources, and every vote (votes never held text). Buttons under a purged
 * answer say it is no longer available. Tenant by tenant, in batches by `_id`.
 */
export async function purgeAnswerText(
  AnswerRecord: AnswerRecordModel,
  retentionDays: number,
  now = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const old = { createdAt: { $lt: cutoff }, purgedAt: null };
  // The one cross-tenant read: which tenants have anything to purge (tenant ids only).
  const tenants = await tenantCollection(AnswerRecord).tenantIds(old);
  let purged = 0;
  for (const tenantId of tenants) {
    for (;;) {
      const ids = (
        await AnswerRecord.find({ tenantId, ...old }, { _id: 1 })
          .limit(BATCH)
          .lean()
      ).map((record) => record._id);
      if (ids.length === 0) break;
      const result = await AnswerRecord.updateMany(
        { tenantId, _id: { $in: ids } },
        { $set: { view: PURGED_VIEW, purgedAt: now } },
      );
      purged += result.modifiedCount;
    }
  }
  return purged;
}
