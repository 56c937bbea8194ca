import { isInApproverSet, policyUserIdOf } from '../policy/approvers.ts';
import type { Policy } from '../policy/policy-schema.ts';
import type { Actor } from '../types.ts';

/**
 * Whether someone may change the team's working hours and holiday region: people the policy names by id as
 * approvers of any tier. Slack groups and Teams roles are not looked up for a command, so they do not count.
 * While the policy names no approvers at all (a new install), anyone may; the change records who made it.
 */
export function mayChangeTeamDefaults(policy: Policy, actor: Pick<Actor, 'surface' | 'userId'>): boolean {
  const sets = Object.values(policy.tiers ?? {}).flatMap((tier) => (tier?.approvers ? [tier.approvers] : []));
  if (sets.length === 0) return true;
  const decider = { userId: policyUserIdOf(actor) };
  return sets.some((set) => isInApproverSet(set, decider));
}
