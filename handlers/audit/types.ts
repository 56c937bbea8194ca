/**
 * The tamper-evident audit ledger: shapes and the port. Nothing here knows the database.
 *
 * Each tenant has one chain. Entry `seq` n stores the hash of entry n-1 in `prevHash` (entry 1 stores
 * GENESIS_HASH), and its own `hash` covers every field but the payload itself, which `payloadDigest` stands for.
 * Changing, removing or reordering an entry therefore shows up when the chain is verified.
 */

/** A value that survives JSON (and BSON) unchanged. Payloads are normalized to this before they are stored. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** What a caller records. Field names follow the data model of issue 4: `audit_events`. */
export interface AuditEventInput {
  tenantId: string;
  /** What the event is about, e.g. `approval:01J9…`, `action:pr.merge:acme/api#42` or `policy`. */
  subject: string;
  /** What happened, e.g. `action.propose`, `approval.decide`, `approval.expire`, `action.execute`, `policy.set`. */
  verb: string;
  /**
   * Any JSON-serializable value (`toJSON` is honoured, as JSON.stringify does). Refused before anything is
   * written: non-finite numbers, bigints, functions, Maps and other class instances, cycles, strings that are
   * not well-formed Unicode; and, because FerretDB v1.24 cannot store them, object keys that contain `.` or
   * start with `$`, arrays directly inside arrays, and nesting deeper than 32 levels.
   */
  payload: unknown;
  /** Who acted: a stable id such as `slack:U0ALICE`, `teams:<aad object id>`, `api:<token>` or `system:<job>`. */
  actor: string;
  /** How it ended, e.g. `proposed`, `approved`, `declined`, `expired`, `succeeded`, `failed`. */
  outcome: string;
  /** Ties the events of one flow together (propose → decision → execution): the trace id. */
  correlation_id?: string | null;
  /**
   * An idempotency key. Appending an event whose id is already in this tenant's ledger returns the stored
   * entry when it records the same thing, and fails when it does not. Defaults to a random UUID.
   */
  id?: string;
}

/** One entry as stored in `audit_events`: every field, in the order exports write them. */
export interface StoredAuditEvent {
  id: string;
  tenantId: string;
  /** 1, 2, 3… per tenant, with no gaps. */
  seq: number;
  /** When the ledger recorded the event (never earlier than the previous entry's ts). */
  ts: Date;
  subject: string;
  verb: string;
  actor: string;
  outcome: string;
  correlation_id: string | null;
  payload: JsonValue;
  /** sha256 (hex) of the payload's canonical JSON. */
  payloadDigest: string;
  /** The previous entry's `hash`; GENESIS_HASH for seq 1. */
  prevHash: string;
  /** sha256 (hex) of the canonical JSON of every other field, payload replaced by payloadDigest. */
  hash: string;
}

/** What can be wrong with an entry, checked in this order. */
export type BrokenReason =
  /** Its seq is not the next number: an entry before it was removed (or the order is wrong). */
  | 'gap'
  /** Its contents no longer match its payloadDigest or its hash: it was edited. */
  | 'changed'
  /** Its prevHash is not the previous entry's hash: the entry before it was rewritten, or it was re-chained. */
  | 'broken_link';

export interface BrokenLink {
  /** The seq of the entry where the chain breaks (for a gap: the first entry after the missing ones). */
  seq: number;
  id: string;
  reason: BrokenReason;
  /** One human-readable sentence, e.g. "seq 5 is missing". */
  detail: string;
}

export type ChainVerification =
  /** `count` entries, all intact; `head` is the last one, to compare with a copy kept elsewhere. */
  | { ok: true; count: number; head: { seq: number; hash: string } | null }
  /** `count` entries are intact before `firstBroken`; verification stops there. */
  | { ok: false; count: number; firstBroken: BrokenLink };

/** A half-open time range on `ts`: from ≤ ts < to. Either end may be open. */
export interface TimeRange {
  from?: Date;
  to?: Date;
}

export interface ExportSummary {
  count: number;
  firstSeq: number | null;
  lastSeq: number | null;
}

/**
 * The append-only ledger. There is deliberately no way to update or delete an entry. Every propose, decision,
 * expiry, execution and policy change is recorded through `append`.
 */
export interface AuditLedger {
  /** Chains the event after the tenant's last entry and stores it; safe to call concurrently. */
  append(event: AuditEventInput): Promise<StoredAuditEvent>;
  /** One tenant's entries in seq order, streamed, optionally limited to a time range. */
  read(tenantId: string, range?: TimeRange): AsyncIterable<StoredAuditEvent>;
  /** Streams the tenant's whole chain through verifyChain. */
  verify(tenantId: string): Promise<ChainVerification>;
  /** Writes one JSON object per line (every stored field, see toJsonLine), in seq order, honouring backpressure. */
  exportJsonLines(
    tenantId: string,
    from: Date | undefined,
    to: Date | undefined,
    out: NodeJS.WritableStream,
  ): Promise<ExportSummary>;
}
