import { policySchema, type Policy } from '../../handlers/policy/policy-schema.ts';
import type { PolicyProvider } from '../../handlers/policy/policy-store.ts';

/**
 * The policy whose `limits.max_monthly_cost_usd` caps a tenant's LLM spend and whose `limits.pii_redaction`
 * redacts what is sent (answers and embeddings alike): the tenant's own policy or POLICY_FILE's when there is
 * one, else LLM_MONTHLY_COST_CAP_USD and `strict`. Without a policy provider the env cap applies.
 */
export function llmPolicyFor(
  envCapUsd: number,
  policies?: PolicyProvider,
): (tenantId: string) => Promise<Policy> {
  const envCapPolicy = policySchema.parse({ actions: {}, limits: { max_monthly_cost_usd: envCapUsd } });
  return async (tenantId) => {
    if (!policies) return envCapPolicy;
    const inForce = await policies.inForce(tenantId);
    return inForce.source === 'default' ? envCapPolicy : inForce.policy;
  };
}
