import type { ActionExecutor } from '../../handlers/approvals/types.ts';
import type { AuditLedger } from '../../handlers/audit/types.ts';
import { parsePolicy } from '../../handlers/policy/parse-policy.ts';
import type { PolicyStore } from '../../handlers/policy/policy-store.ts';

/**
 * Runs an approved `policy.set`: validates the YAML once more (the schema may have changed since it was
 * proposed), then makes it the tenant's policy. An invalid policy fails the action; the old one stays.
 */
export function setPolicyExecutor(store: PolicyStore, ledger: AuditLedger, now: () => Date): ActionExecutor {
  return async (approval) => {
    const yaml = approval.proposed_payload.yaml;
    if (typeof yaml !== 'string') throw new Error('the proposal carries no policy YAML');
    const parsed = parsePolicy(yaml);
    if (!parsed.ok)
      throw new Error(`the policy is not valid (${parsed.problem}); the current policy stays in force`);
    const updatedBy = approval.decided_by ?? approval.requester;
    await store.write(approval.tenantId, { yaml, updatedBy, updatedAt: now() });
    await ledger.append({
      id: `${approval.id}:policy.set`,
      tenantId: approval.tenantId,
      subject: 'policy',
      verb: 'policy.set',
      payload: { yaml, proposed_by: approval.requester, approved_by: updatedBy },
      actor: updatedBy,
      outcome: 'applied',
      correlation_id: approval.trace_id,
    });
    const count = Object.keys(parsed.policy.actions).length;
    return { summary: `the new policy is in force (${count} action${count === 1 ? '' : 's'})` };
  };
}
