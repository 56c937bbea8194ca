import type { Types } from 'mongoose';
import { tenantCollection } from '../db/tenant-collection.ts';
import type { Logger } from 'pino';
import type { EventPendingModel } from '../models/event-pending.ts';
import type { EventRawFields, EventRawModel } from '../models/event-raw.ts';
import type { FactModels } from '../models/ingest-models.ts';
import type { FactWrite } from '../sources/fact-write.ts';
import { normalizeEvent } from '../sources/normalize-event.ts';
import { applyFactWrites } from './apply-fact-writes.ts';

/** After this many failed attempts an event is marked failed and left for inspection. */
export const MAX_ATTEMPTS = 5;
const SWEEP_BATCH = 200;
/**
 * The intake writes the queue entry just before the raw event; an entry without its event is dropped only once
 * it is older than this, so a sweep never drops one whose event is being stored at that very moment.
 */
const ORPHAN_AFTER_MS = 60_000;

export interface NormalizeDeps {
  EventRaw: EventRawModel;
  EventPending: EventPendingModel;
  facts: FactModels;
  log: Logger;
  /** Told after a batch's facts are written (identity linking hooks in here). */
  afterApply?(tenantId: string, writes: readonly FactWrite[]): Promise<void>;
}

/** What normalization reads of a stored event; the intake hands it over directly so the hot path skips a read. */
export type StoredEvent = Pick<EventRawFields, 'source' | 'eventType' | 'deliveryId' | 'body'> & {
  _id: Types.ObjectId;
};

/** A queue entry as the sweep reads it. */
interface PendingEntry {
  _id: Types.ObjectId;
  receivedAt: Date;
  attempts: number;
}

export interface NormalizeResult {
  normalized: number;
  failed: number;
}

/**
 * Normalizes the given events of one tenant: each event's writes come from the pure normalizer, the batch's
 * writes are applied together (one read and one write per fact touched), and only then are their queue entries
 * deleted. A crash anywhere leaves them queued for the next run, which is harmless: writes are idempotent. An
 * event whose payload the normalizer cannot read is retried a few times, then marked failed.
 */
export async function normalizeEvents(
  deps: NormalizeDeps,
  tenantId: string,
  events: readonly (StoredEvent | PendingEntry)[],
): Promise<NormalizeResult> {
  const writes: FactWrite[] = [];
  const done: Types.ObjectId[] = [];
  let failed = 0;
  for (const given of events) {
    const event = 'body' in given ? given : await readEvent(deps.EventRaw, tenantId, given._id);
    if (!event) {
      const entry = given as PendingEntry;
      if (Date.now() - entry.receivedAt.getTime() > ORPHAN_AFTER_MS) done.push(entry._id);
      continue;
    }
    try {
      writes.push(...normalizeEvent(event.source, event.eventType, JSON.parse(event.body)));
      done.push(event._id);
    } catch (error) {
      failed += 1;
      const attempts = ('attempts' in given ? given.attempts : 0) + 1;
      const message = error instanceof Error ? error.message : String(error);
      deps.log.warn(
        { tenantId, source: event.source, deliveryId: event.deliveryId, attempts, err: message },
        'event normalization failed',
      );
      await deps.EventPending.updateOne(
        { tenantId, _id: event._id },
        {
          $set: {
            attempts,
            lastError: message.slice(0, 500),
            ...(attempts >= MAX_ATTEMPTS ? { failedAt: new Date() } : {}),
          },
        },
      );
    }
  }
  if (done.length === 0) return { normalized: 0, failed };
  await applyFactWrites(deps.facts, tenantId, writes);
  await deps.afterApply?.(tenantId, writes);
  await deps.EventPending.deleteMany({ tenantId, _id: { $in: done } });
  return { normalized: done.length, failed };
}

/**
 * One stored event by `_id` alone, checked to be this tenant's by tenantCollection: `_id` is the only filter
 * FerretDB v1 answers without reading every stored body.
 */
async function readEvent(
  EventRaw: EventRawModel,
  tenantId: string,
  _id: Types.ObjectId,
): Promise<StoredEvent | null> {
  return (await tenantCollection(EventRaw).findById(tenantId, _id)) as StoredEvent | null;
}

/** The sweep: every queued event of a tenant, oldest first, in batches. */
export async function normalizePending(deps: NormalizeDeps, tenantId: string): Promise<NormalizeResult> {
  const total: NormalizeResult = { normalized: 0, failed: 0 };
  const seen = new Set<string>();
  for (;;) {
    const pending = await deps.EventPending.find(
      { tenantId, failedAt: null },
      { _id: 1, receivedAt: 1, attempts: 1 },
    )
      .sort({ receivedAt: 1, _id: 1 })
      .limit(SWEEP_BATCH)
      .lean();
    const fresh = pending.filter((entry) => !seen.has(String(entry._id)));
    if (fresh.length === 0) return total;
    for (const entry of fresh) seen.add(String(entry._id));
    const result = await normalizeEvents(deps, tenantId, fresh);
    total.normalized += result.normalized;
    total.failed += result.failed;
  }
}

/**
 * Tenants with events still to normalize. A deliberate cross-tenant read of the queue (the one system-level
 * query: it returns tenant ids only, and each tenant is then processed through scoped models).
 */
export async function tenantsWithPendingEvents(EventPending: EventPendingModel): Promise<string[]> {
  return tenantCollection(EventPending).tenantIds({ failedAt: null });
}
