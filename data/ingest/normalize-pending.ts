import type { Types } from 'mongoose';
import type { Logger } from 'pino';
import type { EventRawFields, EventRawModel } from '../models/event-raw.ts';
import type { FactModels } from '../models/ingest-models.ts';
import type { FactWrite } from '../sources/fact-write.ts';
import { normalizeEvent } from '../sources/normalize-event.ts';
import { applyFactWrites } from './apply-fact-writes.ts';

/** After this many failed attempts an event is marked failed and left for inspection. */
export const MAX_ATTEMPTS = 5;
const SWEEP_BATCH = 200;

export interface NormalizeDeps {
  EventRaw: EventRawModel;
  facts: FactModels;
  log: Logger;
  /** Told after a batch's facts are written (identity linking hooks in here). */
  afterApply?(tenantId: string, writes: readonly FactWrite[]): Promise<void>;
}

/** What normalization reads of a stored event; the intake hands it over directly so the hot path skips a read. */
export type StoredEvent = Pick<
  EventRawFields,
  'source' | 'eventType' | 'deliveryId' | 'body' | 'attempts' | 'normalizedAt' | 'failedAt'
> & { _id: Types.ObjectId };

export interface NormalizeResult {
  normalized: number;
  failed: number;
}

/**
 * Normalizes the given stored events of one tenant: each event's writes come from the pure normalizer, the
 * batch's writes are applied together (one read and one write per fact touched), and only then are the events
 * marked normalized. A crash anywhere leaves them pending for the next run, which is harmless: writes are
 * idempotent. An event whose payload the normalizer cannot read is retried a few times, then marked failed.
 */
export async function normalizeEvents(
  deps: NormalizeDeps,
  tenantId: string,
  events: readonly (StoredEvent | Types.ObjectId)[],
): Promise<NormalizeResult> {
  const writes: FactWrite[] = [];
  const done: Types.ObjectId[] = [];
  let failed = 0;
  for (const given of events) {
    const event = 'body' in given ? given : await readEvent(deps.EventRaw, tenantId, given);
    if (!event || event.normalizedAt || event.failedAt) continue;
    const _id = event._id;
    try {
      writes.push(...normalizeEvent(event.source, event.eventType, JSON.parse(event.body)));
      done.push(_id);
    } catch (error) {
      failed += 1;
      const attempts = (event.attempts ?? 0) + 1;
      const message = error instanceof Error ? error.message : String(error);
      deps.log.warn(
        { tenantId, source: event.source, deliveryId: event.deliveryId, attempts, err: message },
        'event normalization failed',
      );
      await deps.EventRaw.updateOne(
        { tenantId, _id },
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
  await markNormalized(deps.EventRaw, done);
  return { normalized: done.length, failed };
}

/** One stored event by `_id` alone (see markNormalized), then checked to be this tenant's. */
async function readEvent(EventRaw: EventRawModel, tenantId: string, _id: Types.ObjectId) {
  const event = await EventRaw.collection.findOne({ _id });
  return event?.tenantId === tenantId ? (event as unknown as StoredEvent) : null;
}

/**
 * Marks events normalized one `_id` at a time: ids are the only filter FerretDB v1 answers without reading every
 * stored body, and a `$in` or tenant-qualified update there scans the whole raw collection, which starved the
 * intake under load. The ids come from this tenant's own events (stored by the intake or read with a tenant
 * filter), so the tenant needs no second check here.
 */
async function markNormalized(EventRaw: EventRawModel, ids: readonly Types.ObjectId[]): Promise<void> {
  const normalizedAt = new Date();
  // One after another: on SQLite concurrent writers wait for each other in sleeps, which starves the intake.
  for (const _id of ids) await EventRaw.collection.updateOne({ _id }, { $set: { normalizedAt } });
}

/** The sweep: every pending event of a tenant, oldest first, in batches. */
export async function normalizePending(deps: NormalizeDeps, tenantId: string): Promise<NormalizeResult> {
  const total: NormalizeResult = { normalized: 0, failed: 0 };
  const seen = new Set<string>();
  for (;;) {
    const pending = await deps.EventRaw.find({ tenantId, normalizedAt: null, failedAt: null }, { _id: 1 })
      .sort({ receivedAt: 1, _id: 1 })
      .limit(SWEEP_BATCH)
      .lean();
    const fresh = pending.map((event) => event._id).filter((id) => !seen.has(String(id)));
    if (fresh.length === 0) return total;
    for (const id of fresh) seen.add(String(id));
    const result = await normalizeEvents(deps, tenantId, fresh);
    total.normalized += result.normalized;
    total.failed += result.failed;
  }
}

/**
 * Tenants with events still to normalize. A deliberate cross-tenant read of the raw collection (the one
 * system-level query: it returns tenant ids only, and each tenant is then processed through scoped models).
 */
export async function tenantsWithPendingEvents(EventRaw: EventRawModel): Promise<string[]> {
  const ids = await EventRaw.collection.distinct('tenantId', { normalizedAt: null, failedAt: null });
  return ids.map(String);
}
