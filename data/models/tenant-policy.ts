import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/** A tenant's own policy (one document per tenant); the audit ledger keeps every earlier version. */
export interface TenantPolicyFields {
  tenantId: string;
  yaml: string;
  updatedBy: string;
  updatedAt: Date;
}

export type TenantPolicyModel = Model<TenantPolicyFields>;

const tenantPolicySchema = new Schema<TenantPolicyFields>(
  {
    yaml: { type: String, required: true },
    updatedBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'tenant_policies', versionKey: false },
);
tenantPolicySchema.plugin(tenantScoped);
tenantPolicySchema.index({ tenantId: 1 }, { unique: true });

export function defineTenantPolicyModel(connection: Connection): TenantPolicyModel {
  return connection.model<TenantPolicyFields>('TenantPolicy', tenantPolicySchema);
}
