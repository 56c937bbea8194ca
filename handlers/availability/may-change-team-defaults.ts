import { isInApproverSet, policyUserIdOf } from '../policy/approvers.ts';
import type { Policy } from '../policy/policy-schema.ts';
import type { Actor, CommandInput, CommandPorts, Reply } from '../types.ts';
import { aboutTheTeam, notice } from './replies.ts';

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

const TEAM_DEFAULTS_REFUSAL = {
  title: 'Only approvers change team defaults',
  body: 'The team default is for the approvers the policy names to change. Set your own instead, or ask one of them.',
};

/** Refuses a team change from someone the policy does not name as an approver; undefined when it may go ahead. */
export async function refuseTeamChange(
  input: CommandInput,
  ports: Pick<CommandPorts, 'approvals'>,
  refusal: { title: string; body: string } = TEAM_DEFAULTS_REFUSAL,
): Promise<Reply | undefined> {
  const policy = ports.approvals && (await ports.approvals.policies.inForce(input.actor.tenantId)).policy;
  if (policy && mayChangeTeamDefaults(policy, input.actor)) return undefined;
  return aboutTheTeam(notice('warning', refusal.title, refusal.body));
}
