import { tenantCollection } from '../db/tenant-collection.ts';
import type { EventPendingModel } from '../models/event-pending.ts';
import type { EventRawModel } from '../models/event-raw.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes raw deliveries received more than `retentionDays` ago whose normalization is finished (applied, or
 * given up after repeated failures, whose queue entries go too). Events still queued are kept whatever their
 * age: their facts are not written yet. Normalized facts are never touched. Tenant by tenant, through the
 * scoped models.
 */
export async function purgeRawEvents(
  models: { EventRaw: EventRawModel; EventPending: EventPendingModel },
  retentionDays: number,
  now = new Date(),
): Promise<number> {
  const { EventRaw, EventPending } = models;
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  // The one cross-tenant read: which tenants have anything old enough (tenant ids only).
  const tenants = await tenantCollection(EventRaw).tenantIds({ receivedAt: { $lt: cutoff } });
  let deleted = 0;
  for (const tenantId of tenants) {
    const queued = await EventPending.find({ tenantId, failedAt: null }, { _id: 1 }).lean();
    const result = await EventRaw.deleteMany({
      tenantId,
      receivedAt: { $lt: cutoff },
      _id: { $nin: queued.map((entry) => entry._id) },
    });
    await EventPending.deleteMany({ tenantId, failedAt: { $ne: null }, receivedAt: { $lt: cutoff } });
    deleted += result.deletedCount;
  }
  return deleted;
}
