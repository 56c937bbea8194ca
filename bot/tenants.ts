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

/** Which tenant serves a chat request, from the organisation id it carries (Slack team, Teams tenant). */
export interface ChatTenantOf {
  (carried: string): string;
  (carried: string | undefined): string | undefined;
}

/**
 * Outside demo mode a request is served from its own organisation's tenant. In demo mode every request is
 * served from the demo tenant, whatever it carries: the Agents Playground sends a made-up Teams tenant id, and a
 * Slack workspace tried in demo mode has none of its own data yet.
 */
export function chatTenantOf(demoTenantId?: string): ChatTenantOf {
  return ((carried?: string) => demoTenantId ?? carried) as ChatTenantOf;
}
