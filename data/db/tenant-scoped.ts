import type { Query, Schema } from 'mongoose';

const FILTERED_OPERATIONS = [
  'countDocuments',
  'deleteMany',
  'deleteOne',
  'distinct',
  'find',
  'findOne',
  'findOneAndDelete',
  'findOneAndReplace',
  'findOneAndUpdate',
  'replaceOne',
  'updateMany',
  'updateOne',
] as const;

export class TenantScopeError extends Error {
  override name = 'TenantScopeError';
}

function hasTenant(filter: Record<string, unknown> | undefined): boolean {
  const tenantId = filter?.tenantId;
  return typeof tenantId === 'string' && tenantId.length > 0;
}

/**
 * Adds a required `tenantId` (each model declares indexes that lead with it) and refuses any query, update, delete or aggregation that does not
 * name one tenant: isolation is enforced by the schema, not by remembering to add a filter.
 */
export function tenantScoped(schema: Schema): void {
  schema.add({ tenantId: { type: String, required: true, immutable: true } });
  for (const operation of FILTERED_OPERATIONS) {
    schema.pre(operation, function (this: Query<unknown, unknown>) {
      if (!hasTenant(this.getFilter())) {
        throw new TenantScopeError(`${this.model.modelName}.${operation} must filter on a single tenantId`);
      }
    });
  }
  // A replacement must stay in the tenant its filter names.
  for (const operation of ['replaceOne', 'findOneAndReplace'] as const) {
    schema.pre(operation, function (this: Query<unknown, unknown>) {
      const tenantId = this.getFilter().tenantId as string;
      const replacement = this.getUpdate() as Record<string, unknown> | null;
      if (!replacement) return;
      if (replacement.tenantId === undefined) replacement.tenantId = tenantId;
      else if (replacement.tenantId !== tenantId) {
        throw new TenantScopeError(
          `${this.model.modelName}.${operation} cannot move a document to another tenant`,
        );
      }
    });
  }
  schema.pre(
    'bulkWrite',
    function (
      operations: Record<string, { filter?: Record<string, unknown>; document?: Record<string, unknown> }>[],
    ) {
      for (const operation of operations) {
        const [kind, body] = Object.entries(operation)[0] ?? [];
        const scoped =
          kind === 'insertOne' ? typeof body?.document?.tenantId === 'string' : hasTenant(body?.filter);
        if (!scoped) throw new TenantScopeError(`bulkWrite ${kind ?? '?'} must name a single tenantId`);
      }
    },
  );
  // Mongoose adds shard-key fields to the filters of document-level save/deleteOne/updateOne.
  schema.set('shardKey', { tenantId: 1 });
  schema.pre('aggregate', function () {
    const [first] = this.pipeline();
    if (!first || !('$match' in first) || !hasTenant(first.$match as Record<string, unknown>)) {
      throw new TenantScopeError('aggregations must start with a $match on a single tenantId');
    }
  });
}
