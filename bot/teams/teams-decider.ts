import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Approval } from '../../handlers/approvals/types.ts';
import { approversOf } from '../../handlers/policy/approvers.ts';
import { escalationTargetOf, type Policy, type TeamsRole } from '../../handlers/policy/policy-schema.ts';
import type { Decider } from '../../handlers/policy/types.ts';
import { teamsUserIdOf } from './teams-user-id.ts';

/** Does deciding on this approval depend on Teams roles (the deciding tier, or its escalation tier once escalated)? */
function needsRoles(policy: Policy, approval: Approval): boolean {
  if (approversOf(policy, approval.approver_tier)?.teams_roles?.length) return true;
  if (!approval.escalated_at) return false;
  const target = escalationTargetOf(policy, approval.risk_level);
  return typeof target === 'string' && Boolean(approversOf(policy, target)?.teams_roles?.length);
}

/**
 * The Teams roster's `userRole` as policy roles. A team owner is a member too (Microsoft Graph: everyone holds
 * the member role, owners have `owner` in addition); guests hold neither.
 */
export function teamsRolesOf(userRole: string | undefined): TeamsRole[] {
  switch (userRole?.toLowerCase()) {
    case 'owner':
      return ['owner', 'member'];
    case 'user':
      return ['member'];
    default:
      return [];
  }
}

/**
 * Who clicked, as the policy sees them: `teams:<AAD object id>`, with their role in this team (or chat) looked
 * up in the roster only when the policy grants a role the right to decide. A failed lookup grants no role.
 */
export async function deciderOf(
  context: TurnContext,
  policy: Policy,
  approval: Approval,
  log: Logger,
): Promise<Decider> {
  const { from } = context.activity;
  const userId = `teams:${teamsUserIdOf(from)}`;
  if (!needsRoles(policy, approval)) return { userId };
  try {
    const member = await TeamsInfo.getMember(context, from.id);
    return { userId, teamsRoles: teamsRolesOf(member.userRole) };
  } catch (error) {
    log.warn({ err: error, approvalId: approval.id }, 'could not look up the Teams role of a decider');
    return { userId, teamsRoles: [] };
  }
}
