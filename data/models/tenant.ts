import { Schema, type Connection, type HydratedDocument, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

export type TenantSource = 'slack' | 'teams' | 'demo';

export interface TenantFields {
  /** Slack team id, Teams (Entra) tenant id, or `demo`. */
  tenantId: string;
  source: TenantSource;
  name?: string;
  createdAt: Date;
  lastSeenAt: Date;
}

export interface TenantModel extends Model<TenantFields> {
  /** Creates the tenant on first sight and records when it was last seen; safe to call concurrently. */
  ensure(tenantId: string, source: TenantSource, name?: string): Promise<HydratedDocument<TenantFields>>;
}

const tenantSchema = new Schema<TenantFields, TenantModel>(
  {
    source: { type: String, enum: ['slack', 'teams', 'demo'], required: true },
    name: { type: String },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
  },
  {
    collection: 'tenants',
    statics: {
      async ensure(tenantId: string, source: TenantSource, name?: string) {
        const now = new Date();
        return this.findOneAndUpdate(
          { tenantId },
          {
            $setOnInsert: { tenantId, source, createdAt: now },
            $set: { lastSeenAt: now, ...(name ? { name } : {}) },
          },
          { upsert: true, returnDocument: 'after' },
        ).orFail();
      },
    },
  },
);
tenantSchema.plugin(tenantScoped);
tenantSchema.index({ tenantId: 1 }, { unique: true });

export function defineTenantModel(connection: Connection): TenantModel {
  return connection.model<TenantFields, TenantModel>('Tenant', tenantSchema);
}
