import { upsertRetryingRace } from '../db/duplicate-key.ts';
import type { PolicyStore, StoredPolicy } from '../../handlers/policy/policy-store.ts';
import type { TenantPolicyModel } from '../models/tenant-policy.ts';

export function createMongoPolicyStore(TenantPolicy: TenantPolicyModel): PolicyStore {
  return {
    async read(tenantId) {
      return TenantPolicy.findOne({ tenantId })
        .select({ _id: 0, yaml: 1, updatedBy: 1, updatedAt: 1 })
        .lean<StoredPolicy>();
    },
    async write(tenantId, policy) {
      await upsertRetryingRace(() =>
        TenantPolicy.updateOne({ tenantId }, { $set: { ...policy } }, { upsert: true }),
      );
    },
  };
}
