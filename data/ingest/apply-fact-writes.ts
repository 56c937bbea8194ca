import type { Model } from 'mongoose';
import { isDuplicateKey } from '../db/duplicate-key.ts';
import { tenantCollection } from '../db/tenant-collection.ts';
import type { FactModels } from '../models/ingest-models.ts';
import {
  definePullRequestChangeModel,
  pullChangeBucketOf,
  type PullRequestChangeModel,
} from '../models/pull-request-change.ts';
import type { FactWrite } from '../sources/fact-write.ts';
import { factIdOf, mergeFact, sameFact, type FactDocument } from '../sources/merge-fact.ts';

type FactModel = Model<Record<string, unknown>>;
const MAX_RETRIES = 5;

/**
 * Applies the writes for one fact: read it by _id, fold the writes in (mergeFact), and write it back only if
 * it changed, guarded by its revision so two normalizers never lose each other's update (optimistic
 * concurrency; a lost race re-reads and merges again). Reads and writes by _id are what FerretDB does fast, and
 * the merge is the same on MongoDB.
 */
/**
 * Logs a pull request write before it lands (data/models/pull-request-change.ts), so every process's open-PR
 * index re-reads the PR: logged first, a crash between the two costs a needless re-read, never a missed change.
 * Inserted once: two writers racing for the same revision log it once.
 */
async function logPullChange(changes: PullRequestChangeModel, tenantId: string, pull: string, rev: number) {
  const at = new Date();
  try {
    await tenantCollection(changes).insertOne({
      _id: `${pull}|${rev}`,
      tenantId,
      pull,
      rev,
      bucket: pullChangeBucketOf(at.getTime()),
      at,
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

async function applyToFact(
  model: FactModel,
  tenantId: string,
  id: string,
  writes: FactWrite[],
  changes: PullRequestChangeModel | undefined,
): Promise<void> {
  const facts = tenantCollection(model);
  for (let attempt = 0; ; attempt++) {
    // By `_id` alone, the one filter FerretDB v1 answers without a collection scan (the tenant is checked on the
    // document).
    const existing = (await facts.findById(tenantId, id)) as (FactDocument & { rev?: number }) | null;
    const merged = writes.reduce<FactDocument>(
      (doc, write) => mergeFact(doc, tenantId, write),
      (existing ?? undefined) as FactDocument,
    );
    if (existing && sameFact(merged, existing)) return;
    if (changes) await logPullChange(changes, tenantId, id, (existing?.rev ?? 0) + 1);
    try {
      if (!existing) {
        await facts.insertOne({ ...merged, rev: 1 });
        return;
      }
      const revision = existing.rev ?? 0;
      const result = await model.replaceOne(
        { tenantId, _id: id, rev: existing.rev },
        { ...merged, rev: revision + 1 },
      );
      if (result.matchedCount === 1) return;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    if (attempt >= MAX_RETRIES) throw new Error(`fact ${id} kept changing under concurrent writers`);
  }
}

/** Applies writes grouped by fact, so a batch of events touching one pull request writes it once. */
export async function applyFactWrites(
  models: FactModels,
  tenantId: string,
  writes: readonly FactWrite[],
): Promise<void> {
  const groups = new Map<string, { model: FactModel; id: string; writes: FactWrite[]; logged: boolean }>();
  for (const write of writes) {
    const id = factIdOf(tenantId, write);
    const group = groups.get(`${write.kind}/${id}`);
    if (group) group.writes.push(write);
    else
      groups.set(`${write.kind}/${id}`, {
        model: models[write.kind] as unknown as FactModel,
        id,
        writes: [write],
        logged: write.kind === 'pullRequest',
      });
  }
  for (const group of groups.values()) {
    // The change log lives on the facts' connection, so every caller of applyFactWrites keeps it.
    const changes = group.logged ? definePullRequestChangeModel(models.pullRequest.db) : undefined;
    await applyToFact(group.model, tenantId, group.id, group.writes, changes);
  }
}
