import { isDuplicateKey } from '../db/duplicate-key.ts';
import type { RollupCount, RollupHistogram, StoredRollup } from '../../handlers/metrics/dora-rollup.ts';
import { tenantCollection } from '../db/tenant-collection.ts';
import {
  packEntries,
  unpackEntries,
  type MetricRollupModel,
  type VersionEntry,
} from '../models/metric-rollup.ts';
import type { MetricRollupVersionModel } from '../models/metric-rollup-version.ts';

export interface LedgerModels {
  MetricRollup: MetricRollupModel;
  MetricRollupVersion: MetricRollupVersionModel;
}

const scopeKeyOf = (entry: { kind: string; scope: string }) => `${entry.kind}\u0000${entry.scope}`;
const versionIdOf = (tenantId: string, day: string, seq: number) => `${tenantId}|${day}|${seq}`;
export const rollupIdOf = (tenantId: string, day: string) => `${tenantId}|${day}`;
export const monthOf = (day: string) => day.slice(0, 7);
/** `after − before` per count and bucket (`counts.x`, `hist.y.bucket`), zero differences left out. */
function differenceOf(
  after: StoredRollup | undefined,
  before: StoredRollup | undefined,
): Record<string, number> {
  const increments: Record<string, number> = {};
  const names = new Set([...Object.keys(after?.counts ?? {}), ...Object.keys(before?.counts ?? {})]);
  for (const name of names) {
    const delta = (after?.counts?.[name as RollupCount] ?? 0) - (before?.counts?.[name as RollupCount] ?? 0);
    if (delta !== 0) increments[`counts.${name}`] = delta;
  }
  const histograms = new Set([...Object.keys(after?.hist ?? {}), ...Object.keys(before?.hist ?? {})]);
  for (const name of histograms) {
    const a = after?.hist?.[name as RollupHistogram] ?? {};
    const b = before?.hist?.[name as RollupHistogram] ?? {};
    for (const bucket of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const delta = (a[bucket] ?? 0) - (b[bucket] ?? 0);
      if (delta !== 0) increments[`hist.${name}.${bucket}`] = delta;
    }
  }
  return increments;
}

function sameContent(
  a: readonly VersionEntry[] | undefined,
  b: readonly VersionEntry[] | undefined,
): boolean {
  const byScope = new Map((b ?? []).map((entry) => [scopeKeyOf(entry), entry]));
  const keys = new Set([...(a ?? []).map(scopeKeyOf), ...byScope.keys()]);
  const ofA = new Map((a ?? []).map((entry) => [scopeKeyOf(entry), entry]));
  return [...keys].every((key) => Object.keys(differenceOf(ofA.get(key), byScope.get(key))).length === 0);
}

/** A version as a claim reads it: its content unpacked. */
interface KnownVersion {
  seq: number;
  state: string;
  sameAs?: number;
  rollups: VersionEntry[];
}

const knownVersionOf = (stored: {
  seq: number;
  state: string;
  sameAs?: number | null;
  rollups?: string | null;
}): KnownVersion => ({
  seq: stored.seq,
  state: stored.state,
  ...(typeof stored.sameAs === 'number' ? { sameAs: stored.sameAs } : {}),
  rollups: unpackEntries(stored.rollups ?? undefined),
});

/**
 * The rollups' ledger: how a recompute brings a day's rollup document to the exact values, idempotently and
 * with any number of processes at once, with no transaction and no findAndModify.
 *
 * 1. **Claim** (before reading any fact): insert version `head + 1` of each day (`_id` tenant|day|seq). The
 *    insert is the claim: a duplicate key means another process took that number, so read the head again and
 *    take the next. Claiming first means a version's facts were read after every version numbered below it was
 *    claimed: the highest version holds the freshest facts.
 * 2. **Compute** the day's exact content per scope and store it on the version.
 * 3. **Apply**: the day's rollup document holds the content of the version it names (`version`). It moves
 *    forward only, from version k to t by setting content t, in one update filtered on its `_id` and
 *    `version: k`: a concurrent move makes it match nothing, and it is read again. A missing document is created
 *    by the same update as an upsert filtered on `version: -1`; a concurrent creation is a duplicate key, read
 *    again. So an older version never overwrites a newer one.
 * 4. **Help the head**: after applying, read the day's newest version; when it is newer and computed, apply it
 *    too, so a document an older applier created after the newer one passed is brought forward by that applier.
 * A version whose content equals the previous, applied one is stored applied without touching the document.
 * Versions below the applied one are deleted.
 */
export function createRollupLedger(models: LedgerModels) {
  const { MetricRollup, MetricRollupVersion } = models;
  const versions = tenantCollection(MetricRollupVersion);

  async function headOf(tenantId: string, day: string) {
    const head = await MetricRollupVersion.findOne({ tenantId, day }).sort({ seq: -1 }).lean();
    return head ? knownVersionOf(head) : undefined;
  }

  /** Claims the next version of each day; returns the claimed seq and the previous head, per day. */
  async function claimDays(tenantId: string, days: readonly string[]) {
    const daySet = new Set(days);
    const heads = new Map<string, KnownVersion>();
    // One query per month the days touch: `month` is an equality FerretDB pushes down, a day range is not.
    const months = [...new Set(days.map(monthOf))];
    const stored = await Promise.all(
      months.map((month) =>
        MetricRollupVersion.find(
          { tenantId, month },
          { day: 1, seq: 1, state: 1, sameAs: 1, rollups: 1 },
        ).lean(),
      ),
    );
    for (const version of stored.flat()) {
      if (!daySet.has(version.day)) continue;
      const known = heads.get(version.day);
      if (!known || version.seq > known.seq) heads.set(version.day, knownVersionOf(version));
    }
    const claims = new Map<string, { seq: number; previous?: KnownVersion }>();
    const claimedAt = new Date();
    const documentOf = (day: string, seq: number) => ({
      _id: versionIdOf(tenantId, day, seq),
      tenantId,
      day,
      month: monthOf(day),
      seq,
      state: 'claimed' as const,
      claimedAt,
    });
    const documents = days.map((day) => documentOf(day, (heads.get(day)?.seq ?? 0) + 1));
    let lost = new Set<string>();
    try {
      await versions.insertMany(documents, { ordered: false });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
      const list = (Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : []) as {
        index: number;
        code?: number;
        err?: { code?: number };
      }[];
      if (list.length === 0 || list.some((e) => (e.code ?? e.err?.code) !== 11000)) throw error;
      lost = new Set(list.map((e) => documents[e.index]!.day));
    }
    for (const [index, day] of days.entries()) {
      if (!lost.has(day)) {
        const previous = heads.get(day);
        claims.set(day, { seq: documents[index]!.seq, ...(previous ? { previous } : {}) });
        continue;
      }
      // Someone took that number: take the next one after theirs.
      for (;;) {
        const head = await headOf(tenantId, day);
        const seq = (head?.seq ?? 0) + 1;
        try {
          await versions.insertOne(documentOf(day, seq));
          claims.set(day, { seq, ...(head ? { previous: head } : {}) });
          break;
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
      }
    }
    return claims;
  }

  /** Brings the day's rollup document to version `seq` (no document is made for a day with nothing in it). */
  async function applyVersion(
    tenantId: string,
    day: string,
    seq: number,
    entries: readonly VersionEntry[],
  ): Promise<void> {
    const _id = rollupIdOf(tenantId, day);
    const rollups = packEntries(entries);
    let current = await MetricRollup.findOne({ tenantId, _id }, { version: 1 }).lean();
    for (;;) {
      if (current ? current.version >= seq : entries.length === 0) break;
      try {
        const result = await MetricRollup.updateOne(
          { tenantId, _id, version: current ? current.version : -1 },
          { $set: { version: seq, rollups }, $setOnInsert: { day, month: monthOf(day) } },
          { upsert: !current },
        );
        if (result.matchedCount === 1 || result.upsertedCount === 1) break;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      current = await MetricRollup.findOne({ tenantId, _id }, { version: 1 }).lean();
    }
    await MetricRollupVersion.updateOne(
      { tenantId, _id: versionIdOf(tenantId, day, seq), state: { $ne: 'applied' } },
      { $set: { state: 'applied' } },
    );
  }

  /**
   * Stores the day's computed content on its claimed version and applies it (or records it as the previous
   * applied one's equal), then helps a newer computed version, then prunes the versions below.
   */
  async function settleDay(
    tenantId: string,
    day: string,
    claim: { seq: number; previous?: KnownVersion },
    entries: readonly VersionEntry[],
  ): Promise<'unchanged' | 'applied'> {
    const previous = claim.previous;
    const rollups = packEntries(entries);
    if (previous?.state === 'applied' && sameContent(previous.rollups, entries)) {
      // The document holds `sameAs` (or the previous version itself): record that, and drop the markers between.
      const sameAs = previous.sameAs ?? previous.seq;
      await MetricRollupVersion.updateOne(
        { tenantId, _id: versionIdOf(tenantId, day, claim.seq) },
        { $set: { rollups, state: 'applied', sameAs } },
      );
      await MetricRollupVersion.deleteMany({ tenantId, day, seq: { $gt: sameAs, $lt: claim.seq } });
      return 'unchanged';
    }
    await MetricRollupVersion.updateOne(
      { tenantId, _id: versionIdOf(tenantId, day, claim.seq) },
      { $set: { rollups, state: 'computed' } },
    );
    await applyVersion(tenantId, day, claim.seq, entries);
    // Help the head: a marker's content is its `sameAs` version's, and documents only ever hold computed ones.
    const head = await headOf(tenantId, day);
    const target = head && head.state !== 'claimed' ? (head.sameAs ?? head.seq) : undefined;
    if (head && target !== undefined && target > claim.seq)
      await applyVersion(tenantId, day, target, head.rollups);
    // Versions below the one applied are no longer needed (the head is never below them).
    if (!head || head.state !== 'claimed' || head.seq <= claim.seq)
      await MetricRollupVersion.deleteMany({
        tenantId,
        day,
        seq: { $lt: Math.min(claim.seq, target ?? claim.seq) },
      });
    return 'applied';
  }

  return { claimDays, settleDay };
}

export type RollupLedger = ReturnType<typeof createRollupLedger>;
