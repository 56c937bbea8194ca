import type { Collection, Document, Filter, ObjectId, OptionalUnlessRequiredId, UpdateFilter } from 'mongodb';
import type { Model } from 'mongoose';
import { isDuplicateKey } from './duplicate-key.ts';
import { TenantScopeError } from './tenant-scoped.ts';

type Id = string | ObjectId;

/** Operators that may write `tenantId`, and then only the tenant the call names. */
const STAMPING_OPERATORS = new Set(['$set', '$setOnInsert']);

function requireTenant(tenantId: unknown): asserts tenantId is string {
  if (typeof tenantId !== 'string' || tenantId.length === 0) {
    throw new TenantScopeError('a raw collection call must name a single tenantId');
  }
}

function requireUpdateKeeps(tenantId: string, update: Document): void {
  const operators = Object.entries(update);
  if (operators.some(([operator]) => !operator.startsWith('$'))) {
    throw new TenantScopeError('a raw update must use update operators (no replacement, no pipeline)');
  }
  for (const [operator, fields] of operators) {
    const value = (fields as Record<string, unknown> | null)?.tenantId;
    if (value === undefined) continue;
    if (!STAMPING_OPERATORS.has(operator) || value !== tenantId) {
      throw new TenantScopeError('a raw update cannot move a document to another tenant');
    }
  }
}

/**
 * The driver's collection behind a tenant-scoped model, for the few paths that must skip mongoose (its hooks
 * never see `Model.collection`). Every call names one tenant: documents carry theirs, and an `_id` call takes the
 * tenant beside the id. The filter stays `_id` alone, the one filter FerretDB v1 answers from its index (beside
 * `tenantId` it scans), and the tenant is checked on the document instead: read by `_id` first, another tenant's
 * document is missing to this one, for reads and writes alike (tenantId never changes and ids are never shared
 * between tenants, so the check still holds when the write lands). `tenantIds` is the one cross-tenant read, and
 * it returns tenant ids only.
 */
export function tenantCollection<T extends Document>(model: Model<T>) {
  const collection = model.collection as unknown as Collection<T>;
  const byId = (id: Id) => ({ _id: id }) as Filter<T>;
  const noMatch = { matchedCount: 0, modifiedCount: 0 };

  async function findById(tenantId: string, id: Id): Promise<T | null> {
    requireTenant(tenantId);
    const document = (await collection.findOne(byId(id))) as T | null;
    return document?.tenantId === tenantId ? document : null;
  }

  return {
    findById,
    async insertOne(document: T): Promise<void> {
      requireTenant(document.tenantId);
      await collection.insertOne(document as OptionalUnlessRequiredId<T>);
    },
    async insertMany(documents: T[], options: { ordered: boolean }): Promise<void> {
      for (const document of documents) requireTenant(document.tenantId);
      await collection.insertMany(documents as OptionalUnlessRequiredId<T>[], options);
    },
    /** An upsert (`$set` only) creates a missing document stamped with its tenant. */
    async updateById(tenantId: string, id: Id, update: UpdateFilter<T>, options: { upsert?: boolean } = {}) {
      requireTenant(tenantId);
      requireUpdateKeeps(tenantId, update);
      if (options.upsert && Object.keys(update).some((operator) => operator !== '$set')) {
        throw new TenantScopeError('a raw upsert sets its fields with $set only');
      }
      for (;;) {
        const current = await collection.findOne(byId(id));
        if (current?.tenantId === tenantId) {
          const result = await collection.updateOne(byId(id), update);
          return { matchedCount: result.matchedCount, modifiedCount: result.modifiedCount };
        }
        if (current || !options.upsert) return noMatch;
        try {
          await collection.insertOne({
            _id: id,
            ...update.$set,
            tenantId,
          } as unknown as OptionalUnlessRequiredId<T>);
          return noMatch;
        } catch (error) {
          // Created meanwhile: read it again.
          if (!isDuplicateKey(error)) throw error;
        }
      }
    },
    /** The document after the update, or null when it is missing or another tenant's. */
    async findByIdAndUpdate(tenantId: string, id: Id, update: UpdateFilter<T>): Promise<T | null> {
      requireUpdateKeeps(tenantId, update);
      if (!(await findById(tenantId, id))) return null;
      return (await collection.findOneAndUpdate(byId(id), update, { returnDocument: 'after' })) as T | null;
    },
    async deleteById(tenantId: string, id: Id): Promise<number> {
      if (!(await findById(tenantId, id))) return 0;
      return (await collection.deleteOne(byId(id))).deletedCount;
    },
    /** Which tenants have a document matching the filter: a system-level read (jobs, admin) of tenant ids only. */
    async tenantIds(filter: Filter<Document>): Promise<string[]> {
      return (await collection.distinct('tenantId', filter)).map(String);
    },
  };
}

export type TenantCollection<T extends Document> = ReturnType<typeof tenantCollection<T>>;
