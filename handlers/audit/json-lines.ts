import type { JsonValue, StoredAuditEvent } from './types.ts';

/**
 * One export line: every stored field, in a fixed order, ts as ISO 8601 (UTC, milliseconds), no newline
 * inside (JSON escapes them) and none at the end. An auditor can recompute every payloadDigest and hash from
 * these lines alone (see hashEntry).
 */
export function toJsonLine(entry: StoredAuditEvent): string {
  return JSON.stringify({
    id: entry.id,
    tenantId: entry.tenantId,
    seq: entry.seq,
    // A ts edited into something else is exported as found (verify reports that entry as changed).
    ts: entry.ts instanceof Date ? entry.ts.toISOString() : (entry.ts as unknown),
    subject: entry.subject,
    verb: entry.verb,
    actor: entry.actor,
    outcome: entry.outcome,
    correlation_id: entry.correlation_id,
    payload: entry.payload,
    payloadDigest: entry.payloadDigest,
    prevHash: entry.prevHash,
    hash: entry.hash,
  });
}

/** Reads an export line back (ts becomes a Date again), so an export can be fed to verifyChain. */
export function parseJsonLine(line: string): StoredAuditEvent {
  const raw = JSON.parse(line) as Record<string, unknown>;
  const text = (field: string): string => {
    const value = raw[field];
    if (typeof value !== 'string') throw new TypeError(`${field}: expected a string`);
    return value;
  };
  const ts = new Date(text('ts'));
  if (Number.isNaN(ts.getTime())) throw new TypeError('ts: expected an ISO 8601 date');
  if (typeof raw.seq !== 'number') throw new TypeError('seq: expected a number');
  if (!('payload' in raw)) throw new TypeError('payload: missing');
  return {
    id: text('id'),
    tenantId: text('tenantId'),
    seq: raw.seq,
    ts,
    subject: text('subject'),
    verb: text('verb'),
    actor: text('actor'),
    outcome: text('outcome'),
    correlation_id: raw.correlation_id === null ? null : text('correlation_id'),
    payload: raw.payload as JsonValue,
    payloadDigest: text('payloadDigest'),
    prevHash: text('prevHash'),
    hash: text('hash'),
  };
}
