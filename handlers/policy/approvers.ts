import type { Actor } from '../types.ts';
import type { ApproverSet, Policy, RiskLevel } from './policy-schema.ts';
import type { Decider } from './types.ts';

/**
 * The id a policy uses for a person: `slack:U0123ABCD` or `teams:<AAD object id>`.
 * Teams ids are GUIDs, so they compare without regard to case; Slack ids are upper-case already.
 */
export function normalizeUserId(id: string): string {
  const colon = id.indexOf(':');
  if (colon < 0) return id;
  const surface = id.slice(0, colon).toLowerCase();
  return surface === 'teams' ? id.toLowerCase() : `${surface}${id.slice(colon)}`;
}

/** The policy user id of an actor resolved by the edge. */
export function policyUserIdOf(actor: Pick<Actor, 'surface' | 'userId'>): string {
  return normalizeUserId(`${actor.surface}:${actor.userId}`);
}

export function sameUser(a: string, b: string): boolean {
  return normalizeUserId(a) === normalizeUserId(b);
}

/** True when the decider is listed by id, belongs to a listed Slack group, or holds a listed Teams role. */
export function isInApproverSet(set: ApproverSet | undefined, decider: Decider): boolean {
  if (!set) return false;
  if (set.users?.some((user) => sameUser(user, decider.userId))) return true;
  const surface = normalizeUserId(decider.userId).split(':')[0];
  if (surface === 'slack' && set.slack_groups?.some((group) => decider.slackGroups?.includes(group))) {
    return true;
  }
  if (surface === 'teams' && set.teams_roles?.some((role) => decider.teamsRoles?.includes(role))) return true;
  return false;
}

/** The approvers a tier lists (no inheritance: use the decision's approverTier for that). */
export function approversOf(policy: Policy, tier: RiskLevel | null): ApproverSet | undefined {
  return tier ? policy.tiers?.[tier]?.approvers : undefined;
}
