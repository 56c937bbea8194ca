import { canonicalJson, NotJsonError, sha256Hex, toJsonValue } from './canonical-json.ts';
import type { AuditEventInput, JsonValue, StoredAuditEvent } from './types.ts';

/** The prevHash of every tenant's first entry (seq 1). */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers, besides prevHash. The payload counts through its digest. */
export type HashedFields = Pick<
  StoredAuditEvent,
  | 'id'
  | 'tenantId'
  | 'seq'
  | 'ts'
  | 'subject'
  | 'verb'
  | 'actor'
  | 'outcome'
  | 'correlation_id'
  | 'payloadDigest'
>;

/** An event checked and normalized, ready to be chained: everything but its place in the chain. */
export type PreparedAuditEvent = Omit<StoredAuditEvent, 'id' | 'seq' | 'ts' | 'prevHash' | 'hash'> & {
  id?: string;
};

/** An event that cannot be recorded as given; nothing was written. */
export class InvalidAuditEventError extends Error {
  override name = 'InvalidAuditEventError';
}

/** sha256 (hex) of the payload's canonical JSON. */
export function digestPayload(payload: unknown): string {
  return sha256Hex(canonicalJson(payload, 'payload'));
}

/**
 * sha256 (hex) of the canonical JSON of the hashed fields plus prevHash, with ts as an ISO 8601 string
 * (milliseconds, UTC). Fields are picked by name, so extra properties on `entry` (payload, _id) never count.
 */
export function hashEntry(entry: HashedFields, prevHash: string): string {
  return sha256Hex(
    canonicalJson({
      actor: entry.actor,
      correlation_id: entry.correlation_id,
      id: entry.id,
      outcome: entry.outcome,
      payloadDigest: entry.payloadDigest,
      prevHash,
      seq: entry.seq,
      subject: entry.subject,
      tenantId: entry.tenantId,
      ts: entry.ts.toISOString(),
      verb: entry.verb,
    }),
  );
}

const MAX_TEXT = 1024;

function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_TEXT || !value.isWellFormed()) {
    throw new InvalidAuditEventError(
      `${field}: expected a non-empty string of at most ${MAX_TEXT} characters`,
    );
  }
  return value;
}

/** Nesting allowed in a payload; MongoDB refuses documents nested more than 100 levels. */
const MAX_DEPTH = 32;

/**
 * What every supported database stores unchanged. MongoDB 5+ accepts keys with "." or a leading "$" and arrays
 * directly inside arrays; FerretDB v1.24 does not. Refusing them keeps one behaviour everywhere.
 */
function assertStorable(value: JsonValue, path: string, depth = 0): void {
  if (depth > MAX_DEPTH)
    throw new InvalidAuditEventError(`${path}: nested more than ${MAX_DEPTH} levels deep`);
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (Array.isArray(item)) {
        throw new InvalidAuditEventError(
          `${path}[${index}]: an array directly inside an array cannot be stored (wrap it in an object)`,
        );
      }
      assertStorable(item, `${path}[${index}]`, depth + 1);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('.') || key.startsWith('$') || key.includes('\0')) {
        throw new InvalidAuditEventError(
          `${path}: the key ${JSON.stringify(key)} cannot be stored (keys must not contain "." or NUL, nor start with "$")`,
        );
      }
      assertStorable(item, `${path}.${key}`, depth + 1);
    }
  }
}

/** Checks an event and normalizes its payload to plain JSON; throws InvalidAuditEventError naming the field. */
export function prepareAuditEvent(input: AuditEventInput): PreparedAuditEvent {
  let payload: JsonValue;
  try {
    payload = toJsonValue(input.payload, 'payload');
  } catch (error) {
    if (error instanceof NotJsonError) throw new InvalidAuditEventError(error.message, { cause: error });
    throw error;
  }
  assertStorable(payload, 'payload');
  const correlationId = input.correlation_id ?? null;
  return {
    ...(input.id === undefined ? {} : { id: requireText(input.id, 'id') }),
    tenantId: requireText(input.tenantId, 'tenantId'),
    subject: requireText(input.subject, 'subject'),
    verb: requireText(input.verb, 'verb'),
    actor: requireText(input.actor, 'actor'),
    outcome: requireText(input.outcome, 'outcome'),
    correlation_id: correlationId === null ? null : requireText(correlationId, 'correlation_id'),
    payload,
    payloadDigest: digestPayload(payload),
  };
}

/**
 * The entry that follows `previous` (null for a tenant's first): the next seq, linked by prevHash, hashed.
 * Its ts is `now`, or the previous entry's ts if the clock went back, so ts never decreases along a chain.
 */
export function chainEntry(
  event: PreparedAuditEvent,
  previous: Pick<StoredAuditEvent, 'seq' | 'hash' | 'ts'> | null,
  now: Date,
  id: string,
): StoredAuditEvent {
  const ts = new Date(Math.max(now.getTime(), previous?.ts.getTime() ?? -Infinity));
  const prevHash = previous?.hash ?? GENESIS_HASH;
  const fields: HashedFields = {
    id,
    tenantId: event.tenantId,
    seq: (previous?.seq ?? 0) + 1,
    ts,
    subject: event.subject,
    verb: event.verb,
    actor: event.actor,
    outcome: event.outcome,
    correlation_id: event.correlation_id,
    payloadDigest: event.payloadDigest,
  };
  return { ...fields, payload: event.payload, prevHash, hash: hashEntry(fields, prevHash) };
}

/** True when a stored entry records the same event (for idempotent appends with a caller's id). */
export function recordsSameEvent(stored: StoredAuditEvent, event: PreparedAuditEvent): boolean {
  return (
    stored.tenantId === event.tenantId &&
    stored.subject === event.subject &&
    stored.verb === event.verb &&
    stored.actor === event.actor &&
    stored.outcome === event.outcome &&
    stored.correlation_id === event.correlation_id &&
    stored.payloadDigest === event.payloadDigest
  );
}
