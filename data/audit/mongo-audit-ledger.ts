import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { isDuplicateKey } from '../db/duplicate-key.ts';
import {
  chainEntry,
  prepareAuditEvent,
  recordsSameEvent,
  type PreparedAuditEvent,
} from '../../handlers/audit/hash-entry.ts';
import { toJsonLine } from '../../handlers/audit/json-lines.ts';
import type {
  AuditLedger,
  ExportSummary,
  JsonValue,
  StoredAuditEvent,
  TimeRange,
} from '../../handlers/audit/types.ts';
import { verifyChain } from '../../handlers/audit/verify-chain.ts';
import type { AuditEventFields, AuditEventModel } from '../models/audit-event.ts';

/** An append that could not be stored: its id is taken, or other writers kept winning the next seq. */
export class AuditAppendError extends Error {
  override name = 'AuditAppendError';
}

export interface MongoAuditLedgerOptions {
  /** The ledger's clock (tests pass a fixed one). */
  now?: () => Date;
  /** Inserts tried per append while other processes keep taking the next seq first. Default 20. */
  maxAttempts?: number;
  /** Called each time another writer took the seq an append wanted, before it retries (metrics, tests). */
  onConflict?: (tenantId: string, attempt: number) => void;
  /** Documents per cursor batch when reading, verifying and exporting. Default 500. */
  batchSize?: number;
}

function toEntry(document: AuditEventFields): StoredAuditEvent {
  return {
    id: document._id,
    tenantId: document.tenantId,
    seq: document.seq,
    ts: document.ts,
    subject: document.subject,
    verb: document.verb,
    actor: document.actor,
    outcome: document.outcome,
    correlation_id: document.correlation_id,
    payload: document.payload as JsonValue,
    payloadDigest: document.payloadDigest,
    prevHash: document.prevHash,
    hash: document.hash,
  };
}

function toDocument({ id, ...fields }: StoredAuditEvent): AuditEventFields {
  return { _id: id, ...fields };
}

type Tail = Pick<StoredAuditEvent, 'seq' | 'hash' | 'ts'>;

/**
 * The audit ledger on MongoDB 6+ or FerretDB v1.24, without transactions. An append chains the new entry after
 * the tenant's last one and inserts it; the unique index on { tenantId, seq } lets exactly one of two
 * concurrent appends take a seq, and the loser re-reads the tail and tries again (after a short random pause,
 * at most `maxAttempts` times). Appends of one tenant within this process wait for each other, and the ledger
 * remembers each tenant's last entry, so an append is one insert; the tail is read from the database only for
 * a tenant's first append in this process and after another process appended. There is no update or delete.
 */
export function createMongoAuditLedger(
  AuditEvent: AuditEventModel,
  options: MongoAuditLedgerOptions = {},
): AuditLedger {
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? 20;
  const batchSize = options.batchSize ?? 500;
  /** The last queued append of each tenant; removed when the tenant's queue drains. */
  const queues = new Map<string, Promise<unknown>>();
  /**
   * The last entry this ledger appended or read, per tenant: a guess at the tail that the unique index checks.
   * (On FerretDB, which pushes no index down, reading the tail scans the collection; this makes that rare.)
   */
  const tails = new Map<string, Tail>();

  function oneAtATime<T>(tenantId: string, task: () => Promise<T>): Promise<T> {
    const result = (queues.get(tenantId) ?? Promise.resolve()).then(task);
    const settled = result.catch(() => undefined);
    queues.set(tenantId, settled);
    void settled.then(() => {
      if (queues.get(tenantId) === settled) queues.delete(tenantId);
    });
    return result;
  }

  async function readTail(tenantId: string): Promise<Tail | null> {
    return AuditEvent.findOne({ tenantId }).sort({ seq: -1 }).select({ seq: 1, hash: 1, ts: 1 }).lean<Tail>();
  }

  async function findById(tenantId: string, id: string): Promise<StoredAuditEvent | undefined> {
    const document = await AuditEvent.findOne({ tenantId, _id: id }).lean<AuditEventFields>();
    return document ? toEntry(document) : undefined;
  }

  function sameEventOrFail(stored: StoredAuditEvent, event: PreparedAuditEvent): StoredAuditEvent {
    if (recordsSameEvent(stored, event)) return stored;
    throw new AuditAppendError(
      `audit event id ${JSON.stringify(stored.id)} already records a different event (seq ${stored.seq})`,
    );
  }

  async function appendPrepared(event: PreparedAuditEvent): Promise<StoredAuditEvent> {
    const { tenantId } = event;
    const id = event.id ?? randomUUID();
    let tail = tails.has(tenantId) ? tails.get(tenantId)! : await readTail(tenantId);
    for (let attempt = 1; ; attempt += 1) {
      const entry = chainEntry(event, tail, now(), id);
      try {
        await AuditEvent.insertOne(toDocument(entry));
        tails.set(tenantId, { seq: entry.seq, hash: entry.hash, ts: entry.ts });
        return entry;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // Either the id is taken (a repeated append) or the seq is. FerretDB names no key in its duplicate-key
        // errors, so look at what is stored instead.
        const stored = await findById(tenantId, id);
        if (stored) return sameEventOrFail(stored, event);
        if (!(await AuditEvent.exists({ tenantId, seq: entry.seq }))) {
          throw new AuditAppendError(`audit event id ${JSON.stringify(id)} is already used`, {
            cause: error,
          });
        }
        options.onConflict?.(tenantId, attempt);
        if (attempt >= maxAttempts) {
          throw new AuditAppendError(
            `could not append to the audit ledger of tenant ${JSON.stringify(tenantId)}: ` +
              `other writers took the next seq ${attempt} times in a row`,
            { cause: error },
          );
        }
        await sleep(Math.random() * Math.min(2 ** attempt, 50));
        tail = await readTail(tenantId);
      }
    }
  }

  async function* read(tenantId: string, range: TimeRange = {}): AsyncGenerator<StoredAuditEvent> {
    const ts = {
      ...(range.from ? { $gte: range.from } : {}),
      ...(range.to ? { $lt: range.to } : {}),
    };
    const filter = Object.keys(ts).length > 0 ? { tenantId, ts } : { tenantId };
    const cursor = AuditEvent.find(filter).sort({ seq: 1 }).lean<AuditEventFields[]>().cursor({ batchSize });
    try {
      for await (const document of cursor) yield toEntry(document as AuditEventFields);
    } finally {
      await cursor.close();
    }
  }

  return {
    async append(input) {
      // Checked before queueing: a bad event fails at once and never reaches the database.
      const event = prepareAuditEvent(input);
      return oneAtATime(event.tenantId, () => appendPrepared(event));
    },

    read,

    verify(tenantId) {
      return verifyChain(read(tenantId));
    },

    async exportJsonLines(tenantId, from, to, out): Promise<ExportSummary> {
      const summary: ExportSummary = { count: 0, firstSeq: null, lastSeq: null };
      for await (const entry of read(tenantId, { from, to })) {
        if (!out.write(`${toJsonLine(entry)}\n`)) await once(out, 'drain');
        summary.count += 1;
        summary.firstSeq ??= entry.seq;
        summary.lastSeq = entry.seq;
      }
      return summary;
    },
  };
}
