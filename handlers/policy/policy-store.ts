import type { Policy } from './policy-schema.ts';

export type PolicySource = 'tenant' | 'file' | 'default';

/** The policy in force for a tenant, with the text it was read from and where that came from. */
export interface PolicyInForce {
  policy: Policy;
  yaml: string;
  source: PolicySource;
  /** Who set it and when, for a tenant's own policy. */
  updatedBy?: string;
  updatedAt?: Date;
}

export interface StoredPolicy {
  yaml: string;
  updatedBy: string;
  updatedAt: Date;
}

/** A tenant's own policy, set through the approval-gated `policy.set` action. */
export interface PolicyStore {
  read(tenantId: string): Promise<StoredPolicy | null>;
  write(tenantId: string, policy: StoredPolicy): Promise<void>;
}

/** Reads the policy in force: the tenant's own, else POLICY_FILE, else the default. */
export interface PolicyProvider {
  inForce(tenantId: string): Promise<PolicyInForce>;
}
