import { isDuplicateKey } from '../db/duplicate-key.ts';
import type { MessageRef } from '../../handlers/delivery/types.ts';
import type { DeliveryRecord, StandupDeliveries } from '../../handlers/standup/types.ts';
import type { StandupDeliveryFields, StandupDeliveryModel } from '../models/standup-delivery.ts';

/** How long a claim may stay unfinished before another process takes it over (its sender died mid-send). */
export const DELIVERY_LEASE_MS = 2 * 60_000;

/** Past this many taken-over attempts a message is given up on: something fails before the send finishes. */
const MAX_ATTEMPTS = 5;

/** A key's scope is its standup and day (`<standup>|<date>|…`), what a day's refusals are read by. */
const scopeOf = (key: string) => key.split('|').slice(0, 2).join('|');

const recordOf = (doc: StandupDeliveryFields): DeliveryRecord => ({
  ...(doc.ref ? { ref: doc.ref as unknown as MessageRef } : {}),
  ...(doc.error ? { error: doc.error } : {}),
});

/**
 * Standup messages sent once. Every read and write is by `_id` (tenant, key, attempt), the lookup FerretDB
 * answers from its index on both backends, so a 5,000-member fan-out stays one insert per message.
 */
export function createStandupDeliveries(
  StandupDelivery: StandupDeliveryModel,
  leaseMs = DELIVERY_LEASE_MS,
): StandupDeliveries {
  const idOf = (tenantId: string, key: string, attempt: number) => `${tenantId}|${key}~${attempt}`;

  async function latest(tenantId: string, key: string) {
    let found: StandupDeliveryFields | undefined;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const doc = await StandupDelivery.findOne({ tenantId, _id: idOf(tenantId, key, attempt) }).lean();
      if (!doc) break;
      found = doc;
    }
    return found;
  }

  return {
    async claim(tenantId, key, now) {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
        try {
          await StandupDelivery.create({
            _id: idOf(tenantId, key, attempt),
            tenantId,
            key,
            scope: scopeOf(key),
            attempt,
            claimedAt: now,
          });
          return { tenantId, key, attempt };
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
        const held = await StandupDelivery.findOne({ tenantId, _id: idOf(tenantId, key, attempt) }).lean();
        if (!held || held.finishedAt) return undefined;
        // Someone holds it and may still be sending: only a claim past its lease is taken over, by the next attempt.
        if (now.getTime() - held.claimedAt.getTime() < leaseMs) return undefined;
      }
      return undefined;
    },
    async finish(claim, result, now) {
      await StandupDelivery.updateOne(
        { tenantId: claim.tenantId, _id: idOf(claim.tenantId, claim.key, claim.attempt) },
        { $set: { finishedAt: now, ref: result.ref ?? null, error: result.error ?? null } },
      );
    },
    async release(claim) {
      await StandupDelivery.deleteOne({
        tenantId: claim.tenantId,
        _id: idOf(claim.tenantId, claim.key, claim.attempt),
      });
    },
    async find(tenantId, key) {
      const doc = await latest(tenantId, key);
      return doc?.finishedAt ? recordOf(doc) : undefined;
    },
    async refused(tenantId, keyPrefix) {
      const docs = await StandupDelivery.find({ tenantId, scope: scopeOf(keyPrefix) }).lean();
      return docs
        .filter((doc) => doc.error && doc.key.startsWith(keyPrefix))
        .map((doc) => ({ key: doc.key, error: doc.error as string }));
    },
  };
}
