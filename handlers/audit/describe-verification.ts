import type { BrokenReason, ChainVerification } from './types.ts';

const REASONS: Record<BrokenReason, string> = {
  gap: 'gap',
  changed: 'entry changed',
  broken_link: 'broken link',
};

function entries(count: number): string {
  return count === 1 ? '1 entry' : `${count} entries`;
}

/**
 * One line for `em-agent audit verify`, e.g.
 * `audit ledger of tenant "acme": intact, 50 entries, head seq 50 hash 3f2a…` or
 * `audit ledger of tenant "acme": BROKEN at seq 7 (id …): entry changed: its payload does not match its payloadDigest; 6 entries before it are intact`.
 */
export function describeVerification(tenantId: string, result: ChainVerification): string {
  const ledger = `audit ledger of tenant ${JSON.stringify(tenantId)}`;
  if (result.ok) {
    return result.head
      ? `${ledger}: intact, ${entries(result.count)}, head seq ${result.head.seq} hash ${result.head.hash}`
      : `${ledger}: intact, no entries`;
  }
  const { seq, id, reason, detail } = result.firstBroken;
  return (
    `${ledger}: BROKEN at seq ${seq} (id ${id}): ${REASONS[reason]}: ${detail}; ` +
    `${entries(result.count)} before it ${result.count === 1 ? 'is' : 'are'} intact`
  );
}
