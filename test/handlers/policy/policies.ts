/** Policies shared by the policy engine tests, written as the YAML an admin would write. */
import { parsePolicy } from '../../../bot/load-policy-file.ts';
import type { Policy } from '../../../handlers/policy/policy-schema.ts';

export const CAROL_TEAMS = 'teams:0d9f1c3e-aaaa-4bbb-8ccc-123456789abc';

/**
 * Every mode and every tier. low: one user; medium: a Slack group and the Teams owner role, escalating
 * to high; high: three people (Slack and Teams), escalating to the CTO.
 */
export const TEAM_POLICY_YAML = `actions:
  pr.label: { risk: low, mode: auto }
  pr.comment.summary: { risk: medium, mode: auto, ask_if_channel_public: true }
  issue.create: { risk: medium, mode: ask }
  label.cleanup: { risk: low, mode: require_approval }
  deploy.tag: { risk: medium, mode: require_approval }
  pr.merge: { risk: high, mode: require_approval, quorum: 2 }
  incident.page: { risk: high, mode: require_approval, ttl: 2h }
limits:
  max_monthly_cost_usd: 200
  max_channel_size_auto_post: 10
tiers:
  low:
    approvers: { users: [slack:ULOW1] }
    ttl: 4h
  medium:
    approvers: { slack_groups: [SLEADS], teams_roles: [owner] }
    escalation: { remind_after: 1h, escalate_after: 3h }
  high:
    approvers:
      users: [slack:UALICE, slack:UBOB, ${CAROL_TEAMS}]
    escalation: { remind_after: 30m, escalate_after: 2h, escalate_to: [slack:UCTO] }
approvals:
  ttl: 8h
`;

export function policyFrom(yaml: string): Policy {
  return parsePolicy(yaml, 'test policy');
}

export const TEAM_POLICY = policyFrom(TEAM_POLICY_YAML);

/** The policy from issue 4, with its one invalid line written as valid YAML. */
export const ISSUE_POLICY_YAML = `actions:
  pr.merge:             { risk: high,   mode: require_approval }
  pr.label:             { risk: low,    mode: auto }
  pr.comment.summary:   { risk: medium, mode: auto, ask_if_channel_public: true }
  issue.create.low:     { risk: medium, mode: ask }
  incident.page:        { risk: high,   mode: require_approval }
limits:
  max_monthly_cost_usd: 200
  max_channel_size_auto_post: 10
  pii_redaction: strict
`;

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
