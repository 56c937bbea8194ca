import { DEFAULT_POLICY_YAML } from './default-policy.ts';
import { parsePolicy } from './parse-policy.ts';
import type { Policy } from './policy-schema.ts';
import type { PolicyInForce, PolicyProvider, PolicyStore } from './policy-store.ts';

/**
 * The policy in force per tenant: its own (set with `policy set`), else the POLICY_FILE text, else the
 * default. Parsed texts are cached by content, so a policy change applies on the next read, everywhere.
 */
export function createPolicyProvider(store: PolicyStore, fileYaml?: string): PolicyProvider {
  const parsed = new Map<string, Policy>();
  const parse = (yaml: string): Policy | undefined => {
    const cached = parsed.get(yaml);
    if (cached) return cached;
    const result = parsePolicy(yaml);
    if (!result.ok) return undefined;
    if (parsed.size > 100) parsed.clear();
    parsed.set(yaml, result.policy);
    return result.policy;
  };
  const fallback = (): PolicyInForce =>
    fileYaml !== undefined
      ? { policy: parse(fileYaml)!, yaml: fileYaml, source: 'file' }
      : { policy: parse(DEFAULT_POLICY_YAML)!, yaml: DEFAULT_POLICY_YAML, source: 'default' };
  return {
    async inForce(tenantId) {
      const own = await store.read(tenantId);
      // Stored policies were validated before they were saved; one that no longer parses (after an upgrade
      // tightened the schema) must not leave the tenant without a policy.
      const policy = own ? parse(own.yaml) : undefined;
      if (!own || !policy) return fallback();
      return { policy, yaml: own.yaml, source: 'tenant', updatedBy: own.updatedBy, updatedAt: own.updatedAt };
    },
  };
}
