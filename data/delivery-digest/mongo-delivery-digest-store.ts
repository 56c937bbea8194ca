import { insertOnce, upsertRetryingRace } from '../db/duplicate-key.ts';
import { tenantCollection } from '../db/tenant-collection.ts';
import type { DeliveryDigestStore } from '../../handlers/delivery-digest/types.ts';
import type { Models } from '../models/index.ts';

/** Teams' delivery digest choices and their weekly insert-once records, each read and written by `_id`. */
export function createDeliveryDigestStore(
  models: Pick<Models, 'DeliveryDigest' | 'DeliveryDigestSettings'>,
): DeliveryDigestStore {
  const { DeliveryDigest, DeliveryDigestSettings } = models;
  const teamId = (tenantId: string, standupId: string) => `${tenantId}|${standupId}`;
  const weekId = (tenantId: string, standupId: string, week: string) => `${tenantId}|${standupId}|${week}`;
  return {
    async settingsOf(tenantId, standupId) {
      const doc = await DeliveryDigestSettings.findOne({ tenantId, _id: teamId(tenantId, standupId) }).lean();
      if (!doc) return undefined;
      return {
        enabled: doc.enabled,
        surface: doc.surface,
        channel: doc.channel,
        weekday: doc.weekday,
        time: doc.time,
      };
    },
    async save(tenantId, standupId, settings, updatedBy) {
      await upsertRetryingRace(() =>
        DeliveryDigestSettings.updateOne(
          { tenantId, _id: teamId(tenantId, standupId) },
          { $set: { standupId, ...settings, updatedBy, updatedAt: new Date() } },
          { upsert: true },
        ),
      );
    },
    async claim(tenantId, standupId, week, now) {
      return insertOnce(() =>
        DeliveryDigest.create({
          _id: weekId(tenantId, standupId, week),
          tenantId,
          standupId,
          week,
          state: 'claimed',
          claimedAt: now,
          updatedAt: now,
        }),
      );
    },
    async release(tenantId, standupId, week) {
      await tenantCollection(DeliveryDigest).deleteById(tenantId, weekId(tenantId, standupId, week));
    },
    async posted(tenantId, standupId, week, ref, now) {
      await DeliveryDigest.updateOne(
        { tenantId, _id: weekId(tenantId, standupId, week) },
        { $set: { state: 'posted', ref, updatedAt: now } },
      );
    },
  };
}
