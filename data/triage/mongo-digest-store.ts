import { isDuplicateKey } from '../db/duplicate-key.ts';
import type { MessageRef } from '../../handlers/delivery/types.ts';
import type { DigestItem, DigestStore } from '../../handlers/triage/notify-types.ts';
import type { TriageSettingsStore } from '../../handlers/triage/types.ts';
import { tenantCollection } from '../db/tenant-collection.ts';
import type { Models } from '../models/index.ts';

/**
 * Team digests on the database: one insert-once record per team and local date; the time from the team's
 * triage settings (`digestTime`, over the tenant's, default 10:00), the opt-out from `triage_digest_settings`.
 */
export function createDigestStore(
  models: Pick<Models, 'TriageDigest' | 'TriageDigestSettings'>,
  triageSettings: TriageSettingsStore,
): DigestStore {
  const { TriageDigest, TriageDigestSettings } = models;
  const idOf = (tenantId: string, standupId: string, date: string) => `${tenantId}|${standupId}|${date}`;
  return {
    async settingsOf(tenantId, team) {
      const [optOut, settings] = await Promise.all([
        TriageDigestSettings.findOne({ tenantId, _id: `${tenantId}|${team.id}` }).lean(),
        triageSettings.settingsOf(tenantId, team.name),
      ]);
      return { enabled: optOut?.enabled ?? true, time: settings.digestTime };
    },
    async find(tenantId, standupId, date) {
      const doc = await TriageDigest.findOne({ tenantId, _id: idOf(tenantId, standupId, date) }).lean();
      if (!doc) return undefined;
      return {
        state: doc.state,
        items: (doc.items ?? []) as DigestItem[],
        shown: doc.shown,
        ...(doc.ref ? { ref: doc.ref as unknown as MessageRef } : {}),
      };
    },
    async claim(tenantId, standupId, date, now) {
      try {
        await TriageDigest.create({
          _id: idOf(tenantId, standupId, date),
          tenantId,
          standupId,
          date,
          state: 'claimed',
          items: [],
          shown: '',
          claimedAt: now,
          updatedAt: now,
        });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },
    async release(tenantId, standupId, date) {
      await tenantCollection(TriageDigest).deleteById(tenantId, idOf(tenantId, standupId, date));
    },
    async save(tenantId, standupId, date, record, now) {
      await TriageDigest.updateOne(
        { tenantId, _id: idOf(tenantId, standupId, date) },
        {
          $set: {
            state: record.state,
            items: record.items,
            shown: record.shown,
            ref: record.ref ?? null,
            updatedAt: now,
          },
        },
      );
    },
  };
}
