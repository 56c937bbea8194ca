import type { TenantModel, TenantSource } from '../data/models/tenant.ts';

export interface TenantRegistry {
  /** Records a tenant the first time it is seen in this process; later calls cost nothing. */
  ensure(tenantId: string, source: TenantSource, name?: string): Promise<void>;
  /** Whether this process has recorded the tenant already, so `ensure` would not wait on the database. */
  has(tenantId: string): boolean;
}

export function createTenantRegistry(Tenant: TenantModel): TenantRegistry {
  const known = new Set<string>();
  return {
    async ensure(tenantId, source, name) {
      if (known.has(tenantId)) return;
      await Tenant.ensure(tenantId, source, name);
      known.add(tenantId);
    },
    has: (tenantId) => known.has(tenantId),
  };
}
