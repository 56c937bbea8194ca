import { digestPayload, GENESIS_HASH, hashEntry } from './hash-entry.ts';
import type { BrokenLink, BrokenReason, ChainVerification, StoredAuditEvent } from './types.ts';

function missing(from: number, to: number): string {
  return from === to ? `seq ${from} is missing` : `seq ${from} to ${to} are missing`;
}

/** Recomputes a digest or hash from fields that may have been edited into any shape; never throws. */
function recompute(compute: () => string): string | undefined {
  try {
    return compute();
  } catch {
    return undefined;
  }
}

/** The first problem with `entry`, given the seq and hash it must follow; undefined when it is intact. */
function inspect(
  entry: StoredAuditEvent,
  expectedSeq: number,
  previousHash: string,
): { reason: BrokenReason; detail: string } | undefined {
  if (!Number.isSafeInteger(entry.seq)) {
    return { reason: 'changed', detail: `its seq is not a whole number (expected ${expectedSeq})` };
  }
  if (entry.seq > expectedSeq) return { reason: 'gap', detail: missing(expectedSeq, entry.seq - 1) };
  if (entry.seq < expectedSeq) {
    return {
      reason: 'gap',
      detail: `expected seq ${expectedSeq}, found seq ${entry.seq} again (out of order)`,
    };
  }
  if (recompute(() => digestPayload(entry.payload)) !== entry.payloadDigest) {
    return { reason: 'changed', detail: 'its payload does not match its payloadDigest' };
  }
  if (recompute(() => hashEntry(entry, entry.prevHash)) !== entry.hash) {
    return { reason: 'changed', detail: 'its fields do not match its hash' };
  }
  if (entry.prevHash !== previousHash) {
    return {
      reason: 'broken_link',
      detail:
        expectedSeq === 1
          ? 'its prevHash is not the genesis value'
          : `its prevHash is not the hash of seq ${expectedSeq - 1}`,
    };
  }
  return undefined;
}

/**
 * Walks a tenant's entries in seq order (streamed: one entry in memory at a time) and checks, for each, in
 * this order: that its seq is the next number (else `gap`), that its payload matches payloadDigest and its
 * fields match its hash (else `changed`), and that its prevHash is the previous entry's hash, or the genesis
 * value for seq 1 (else `broken_link`). Stops at the first problem.
 *
 * Limits, by design of any hash chain: it cannot notice entries removed from the end, nor a chain rewritten
 * from some entry onwards by someone who can write the database. Compare `head` with a copy kept elsewhere
 * (an earlier verify or export) to catch those.
 */
export async function verifyChain(entries: AsyncIterable<StoredAuditEvent>): Promise<ChainVerification> {
  let count = 0;
  let previousHash = GENESIS_HASH;
  let head: { seq: number; hash: string } | null = null;
  for await (const entry of entries) {
    const problem = inspect(entry, count + 1, previousHash);
    if (problem) {
      const firstBroken: BrokenLink = { seq: entry.seq, id: entry.id, ...problem };
      return { ok: false, count, firstBroken };
    }
    count += 1;
    previousHash = entry.hash;
    head = { seq: entry.seq, hash: entry.hash };
  }
  return { ok: true, count, head };
}
