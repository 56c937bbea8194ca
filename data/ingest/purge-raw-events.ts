import type { EventRawModel } from '../models/event-raw.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes raw deliveries received more than `retentionDays` ago whose normalization is finished (applied, or
 * given up after repeated failures). Pending ones are kept whatever their age: their facts are not written yet.
 * Normalized facts are never touched. Tenant by tenant, through the scoped model.
 */
export async function purgeRawEvents(
  EventRaw: EventRawModel,
  retentionDays: number,
  now = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  // The one cross-tenant read: which tenants have anything old enough (tenant ids only).
  const tenants = (await EventRaw.collection.distinct('tenantId', { receivedAt: { $lt: cutoff } })).map(
    String,
  );
  let deleted = 0;
  for (const tenantId of tenants) {
    const result = await EventRaw.deleteMany({
      tenantId,
      receivedAt: { $lt: cutoff },
      $or: [{ normalizedAt: { $ne: null } }, { failedAt: { $ne: null } }],
    });
    deleted += result.deletedCount;
  }
  return deleted;
}
