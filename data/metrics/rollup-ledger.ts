import { isDuplicateKey } from '../db/duplicate-key.ts';
import type { RollupCount, RollupHistogram, StoredRollup } from '../../handlers/metrics/dora-rollup.ts';
import { tenantCollection } from '../db/tenant-collection.ts';
import type { MetricRollupModel } from '../models/metric-rollup.ts';
import type { MetricRollupVersionModel, VersionEntry } from '../models/metric-rollup-version.ts';

export interface LedgerModels {
  MetricRollup: MetricRollupModel;
  MetricRollupVersion: MetricRollupVersionModel;
}

const scopeKeyOf = (entry: { kind: string; scope: string }) => `${entry.kind}\u0000${entry.scope}`;
const versionIdOf = (tenantId: string, day: string, seq: number) => `${tenantId}|${day}|${seq}`;
const rollupIdOf = (tenantId: string, kind: string, scope: string, day: string) =>
  `${tenantId}|${kind}|${scope}|${day}`;
/** `after − before` as a flat `$inc` (`counts.x`, `hist.y.bucket`), zero differences left out. */
export function differenceOf(
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

/**
 * The rollups' ledger: how a recompute brings a day's rollup documents to the exact values, idempotently and
 * with any number of processes at once, with no transaction and no findAndModify.
 *
 * 1. **Claim** (before reading any fact): insert version `head + 1` of each day (`_id` tenant|day|seq). The
 *    insert is the claim: a duplicate key means another process took that number, so read the head again and
 *    take the next. Claiming first means a version's facts were read after every version numbered below it was
 *    claimed: the highest version holds the freshest facts.
 * 2. **Compute** the day's exact content per scope and store it on the version.
 * 3. **Apply**: each rollup document holds the content of the version it names (`version`). It moves forward
 *    only, from version k to t by `$inc` of (content t − content k), in one update filtered on its `_id` and
 *    `version: k` (equality, pushed down): a concurrent move makes it match nothing, and it is read again. A
 *    missing document is created by the same update as an upsert filtered on `version: -1`; a concurrent
 *    creation is a duplicate key, read again. So two appliers never both add their difference, and an older
 *    version can never overwrite a newer one.
 * 4. **Help the head**: after applying, read the day's newest version; when it is newer and computed, apply it
 *    too, so a document an older applier created after the newer one passed is brought forward by that applier.
 * A version whose content equals the previous, applied one is stored applied without touching a document. Old
 * versions are deleted once no document of the day holds them.
 */
export function createRollupLedger(models: LedgerModels) {
  const { MetricRollup, MetricRollupVersion } = models;
  const versions = tenantCollection(MetricRollupVersion);

  async function headOf(tenantId: string, day: string) {
    return MetricRollupVersion.findOne({ tenantId, day }).sort({ seq: -1 }).lean();
  }

  /** Claims the next version of each day; returns the claimed seq and the previous head, per day. */
  async function claimDays(tenantId: string, days: readonly string[]) {
    const daySet = new Set(days);
    const heads = new Map<
      string,
      { seq: number; state: string; sameAs?: number; rollups?: VersionEntry[] }
    >();
    const first = days[0];
    const last = days[days.length - 1];
    if (first && last) {
      const stored = await MetricRollupVersion.find(
        { tenantId, day: { $gte: first, $lte: last } },
        { day: 1, seq: 1, state: 1, sameAs: 1, rollups: 1 },
      ).lean();
      for (const version of stored) {
        if (!daySet.has(version.day)) continue;
        const known = heads.get(version.day);
        if (!known || version.seq > known.seq) heads.set(version.day, version);
      }
    }
    const claims = new Map<
      string,
      { seq: number; previous?: { seq: number; state: string; sameAs?: number; rollups?: VersionEntry[] } }
    >();
    const claimedAt = new Date();
    const documents = days.map((day) => {
      const seq = (heads.get(day)?.seq ?? 0) + 1;
      return {
        _id: versionIdOf(tenantId, day, seq),
        tenantId,
        day,
        seq,
        state: 'claimed' as const,
        claimedAt,
      };
    });
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
    for (const day of days) {
      if (!lost.has(day)) {
        const previous = heads.get(day);
        claims.set(day, {
          seq: documents.find((d) => d.day === day)!.seq,
          ...(previous ? { previous } : {}),
        });
        continue;
      }
      // Someone took that number: take the next one after theirs.
      for (;;) {
        const head = await headOf(tenantId, day);
        const seq = (head?.seq ?? 0) + 1;
        try {
          await versions.insertOne({
            _id: versionIdOf(tenantId, day, seq),
            tenantId,
            day,
            seq,
            state: 'claimed',
            claimedAt,
          });
          claims.set(day, { seq, ...(head ? { previous: head } : {}) });
          break;
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
      }
    }
    return claims;
  }

  /** Brings every rollup document of the day (and every scope of `entries`) to version `seq`. */
  async function applyVersion(
    tenantId: string,
    day: string,
    seq: number,
    entries: readonly VersionEntry[],
    known: Map<number, readonly VersionEntry[]> = new Map(),
  ): Promise<number> {
    known.set(seq, entries);
    const contentOf = async (version: number) => {
      if (!known.has(version)) {
        const stored = await MetricRollupVersion.findOne(
          { tenantId, _id: versionIdOf(tenantId, day, version) },
          { rollups: 1 },
        ).lean();
        if (!stored) return undefined;
        known.set(version, stored.rollups ?? []);
      }
      return new Map(known.get(version)!.map((entry) => [scopeKeyOf(entry), entry]));
    };
    const target = new Map(entries.map((entry) => [scopeKeyOf(entry), entry]));
    const docs = await MetricRollup.find({ tenantId, day }, { kind: 1, scope: 1, version: 1 }).lean();
    const scopes = new Map<string, { kind: 'repo' | 'service'; scope: string }>();
    for (const doc of docs) scopes.set(scopeKeyOf(doc), { kind: doc.kind, scope: doc.scope });
    for (const entry of entries) scopes.set(scopeKeyOf(entry), { kind: entry.kind, scope: entry.scope });
    let lowest = seq;
    for (const [key, { kind, scope }] of scopes) {
      const _id = rollupIdOf(tenantId, kind, scope, day);
      let current: { version: number } | null | undefined = docs.find((doc) => scopeKeyOf(doc) === key);
      for (;;) {
        if (current && current.version >= seq) break;
        const base = current ? (await contentOf(current.version))?.get(key) : undefined;
        if (current && !(await contentOf(current.version))) {
          // Its version was pruned: an older applier just created it and will bring it forward itself.
          lowest = Math.min(lowest, current.version);
          break;
        }
        const increments = differenceOf(target.get(key), base);
        try {
          const result = await MetricRollup.updateOne(
            { tenantId, _id, version: current ? current.version : -1 },
            {
              ...(Object.keys(increments).length > 0 ? { $inc: increments } : {}),
              $set: { version: seq },
              $setOnInsert: { kind, scope, day, month: day.slice(0, 7) },
            },
            { upsert: !current },
          );
          if (result.matchedCount === 1 || result.upsertedCount === 1) break;
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
        current = await MetricRollup.findOne({ tenantId, _id }, { version: 1 }).lean();
      }
    }
    await MetricRollupVersion.updateOne(
      { tenantId, _id: versionIdOf(tenantId, day, seq), state: { $ne: 'applied' } },
      { $set: { state: 'applied' } },
    );
    return lowest;
  }

  /**
   * Stores the day's computed content on its claimed version and applies it (or records it as the previous
   * applied one's equal), then helps a newer computed version, then prunes versions no document holds.
   */
  async function settleDay(
    tenantId: string,
    day: string,
    claim: {
      seq: number;
      previous?: { seq: number; state: string; sameAs?: number; rollups?: VersionEntry[] };
    },
    entries: readonly VersionEntry[],
  ): Promise<'unchanged' | 'applied'> {
    const previous = claim.previous;
    if (previous?.state === 'applied' && sameContent(previous.rollups, entries)) {
      // The documents hold `sameAs` (or the previous version itself): record that, and drop the markers between.
      const sameAs = previous.sameAs ?? previous.seq;
      await MetricRollupVersion.updateOne(
        { tenantId, _id: versionIdOf(tenantId, day, claim.seq) },
        { $set: { rollups: entries, state: 'applied', sameAs } },
      );
      await MetricRollupVersion.deleteMany({ tenantId, day, seq: { $gt: sameAs, $lt: claim.seq } });
      return 'unchanged';
    }
    await MetricRollupVersion.updateOne(
      { tenantId, _id: versionIdOf(tenantId, day, claim.seq) },
      { $set: { rollups: entries, state: 'computed' } },
    );
    const known = new Map<number, readonly VersionEntry[]>();
    let lowest = await applyVersion(tenantId, day, claim.seq, entries, known);
    // Help the head: a marker's content is its `sameAs` version's, and documents only ever hold computed ones.
    const head = await headOf(tenantId, day);
    const target = head && head.state !== 'claimed' ? (head.sameAs ?? head.seq) : undefined;
    if (head && target !== undefined && target > claim.seq)
      lowest = Math.min(lowest, await applyVersion(tenantId, day, target, head.rollups ?? [], known));
    // Versions below every document's are no longer needed (the head is never below them).
    if (!head || head.state !== 'claimed' || head.seq <= claim.seq)
      await MetricRollupVersion.deleteMany({
        tenantId,
        day,
        seq: { $lt: Math.min(lowest, target ?? lowest) },
      });
    return 'applied';
  }

  return { claimDays, settleDay };
}

export type RollupLedger = ReturnType<typeof createRollupLedger>;
