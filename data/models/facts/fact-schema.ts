import { Schema, type Connection, type Model, type SchemaDefinition } from 'mongoose';
import { tenantScoped } from '../../db/tenant-scoped.ts';

/**
 * A normalized fact: tenant-scoped, unique on its key within the tenant, and carrying the version of the
 * snapshot it holds (see data/sources/fact-write.ts) and a revision for optimistic concurrency.
 */
export function defineFactModel<Fields>(
  connection: Connection,
  name: string,
  collection: string,
  key: readonly string[],
  definition: SchemaDefinition,
  extraIndexes: Record<string, 1 | -1>[] = [],
): Model<Fields & { _id: string; tenantId: string; snapshotVersion: number }> {
  // Existing model on this connection: defining models twice on one connection is allowed elsewhere too.
  if (connection.models[name]) {
    return connection.models[name] as unknown as Model<
      Fields & { _id: string; tenantId: string; snapshotVersion: number }
    >;
  }
  // _id is the tenant and key values (see factIdOf): every write reads and replaces its fact by _id.
  const schema = new Schema(
    { _id: { type: String }, ...definition, snapshotVersion: { type: Number }, rev: { type: Number } },
    { collection, versionKey: false },
  );
  schema.plugin(tenantScoped);
  schema.index({ tenantId: 1, ...Object.fromEntries(key.map((field) => [field, 1])) }, { unique: true });
  for (const index of extraIndexes) schema.index({ tenantId: 1, ...index });
  return connection.model(name, schema) as unknown as Model<
    Fields & { _id: string; tenantId: string; snapshotVersion: number }
  >;
}
