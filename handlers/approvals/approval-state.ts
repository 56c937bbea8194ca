import type { Policy } from '../policy/policy-schema.ts';
import { approversOf } from '../policy/approvers.ts';
import { escalationTargetOf } from '../policy/policy-schema.ts';
import type { ApprovalState, PolicyDecision } from '../policy/types.ts';
import type { Approval, DecisionAudience } from './types.ts';

/** Who decides an approval the policy runs without asking anyone (`auto`). */
export const AUTO_DECIDER = 'system:policy';

/** The policy's verdict as fixed at proposal time: a later policy change never moves an approval's goalposts. */
export function policyDecisionOf(approval: Approval): PolicyDecision {
  return {
    actionType: approval.action_type,
    risk: approval.risk_level,
    mode: approval.mode,
    quorum: approval.quorum,
    ttlMs: approval.ttl * 1000,
    approverTier: approval.approver_tier,
    reasons: approval.reasons,
  };
}

export function approvalStateOf(approval: Approval): ApprovalState {
  return {
    requester: approval.requester,
    createdAt: approval.created_at,
    decisions: approval.decisions.map((entry) => ({ decidedBy: entry.decided_by, decision: entry.decision })),
    status: approval.status,
    remindedAt: approval.reminded_at,
    escalatedAt: approval.escalated_at,
  };
}

/** Who is asked: the requester to confirm (ask), or the deciding tier's approvers (require_approval). */
export function decisionAudienceOf(
  policy: Policy,
  approval: Approval,
  occasion: DecisionAudience['occasion'],
): DecisionAudience {
  if (approval.mode === 'ask') return { occasion, users: [approval.requester], slackGroups: [] };
  if (occasion === 'escalation') {
    const target = escalationTargetOf(policy, approval.risk_level);
    if (Array.isArray(target)) return { occasion, users: [...target], slackGroups: [] };
    const set = approversOf(policy, target ?? null);
    return { occasion, users: [...(set?.users ?? [])], slackGroups: [...(set?.slack_groups ?? [])] };
  }
  const set = approversOf(policy, approval.approver_tier);
  return { occasion, users: [...(set?.users ?? [])], slackGroups: [...(set?.slack_groups ?? [])] };
}

/** The ledger subject of everything that happens to one approval. */
export function auditSubjectOf(approval: Pick<Approval, 'id'>): string {
  return `approval:${approval.id}`;
}
