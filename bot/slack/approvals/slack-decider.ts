import type { Decider } from '../../../handlers/policy/types.ts';
import type { SlackListenerDeps } from '../slack-deps.ts';

/**
 * A Slack user as the policy sees them: `slack:U…`, with the policy's Slack user groups they belong to
 * (each looked up with usergroups.users.list, cached briefly).
 */
export async function slackDeciderOf(
  deps: Pick<SlackListenerDeps, 'approvals' | 'groups'>,
  tenantId: string,
  userId: string,
): Promise<Decider> {
  const policy = await deps.approvals.policyFor(tenantId);
  const listed = new Set(
    Object.values(policy.tiers ?? {}).flatMap((tier) => tier?.approvers?.slack_groups ?? []),
  );
  const memberships = await Promise.all(
    [...listed].map(async (group) => ((await deps.groups.membersOf(group)).has(userId) ? [group] : [])),
  );
  return { userId: `slack:${userId}`, slackGroups: memberships.flat() };
}
