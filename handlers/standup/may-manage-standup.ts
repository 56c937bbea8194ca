import { isInApproverSet, policyUserIdOf } from '../policy/approvers.ts';
import { RISK_LEVELS } from '../policy/policy-schema.ts';
import type { Actor, CommandPorts } from '../types.ts';
import type { Standup } from './types.ts';

export const isOwnerOf = (standup: Pick<Standup, 'owner'>, actor: Actor): boolean =>
  standup.owner.tool === actor.surface && standup.owner.handle === actor.userId;

/**
 * The owner may edit, pause, resume and delete a standup; so may anyone the policy in force lists by id as an
 * approver of any tier (user groups and Teams roles are not looked up here: list people by id for this).
 */
export async function mayManageStandup(
  standup: Pick<Standup, 'owner'>,
  actor: Actor,
  ports: Pick<CommandPorts, 'approvals'>,
): Promise<boolean> {
  if (isOwnerOf(standup, actor)) return true;
  if (!ports.approvals) return false;
  const policy = await ports.approvals.policyFor(actor.tenantId);
  const decider = { userId: policyUserIdOf(actor) };
  return RISK_LEVELS.some((risk) => isInApproverSet(policy.tiers?.[risk]?.approvers, decider));
}
