import { approversOf, isInApproverSet, normalizeUserId, sameUser } from './approvers.ts';
import { escalationTargetOf, type Policy } from './policy-schema.ts';
import type { ApprovalState, Decider, PolicyDecision, RecordedDecision } from './types.ts';

export type RefusalCode =
  /** The approval is no longer pending. */
  | 'closed'
  /** Mode auto: nothing waits for a decision. */
  | 'nothing_to_decide'
  /** Mode ask: someone other than the requester tried to confirm. */
  | 'not_requester'
  /** Mode require_approval: the requester tried to approve their own action. */
  | 'requester'
  /** This person already decided on this approval. */
  | 'already_decided'
  /** No tier lists approvers for this action, so no one can decide. */
  | 'no_approvers'
  /** The person is not among the approvers (nor the escalation target, once escalated). */
  | 'not_approver';

export type DecideVerdict = { allowed: true } | { allowed: false; code: RefusalCode; reason: string };

const CLOSED_REASONS = {
  approved: 'This request was already approved.',
  declined: 'This request was already declined.',
  expired: 'This request expired before anyone decided, so it can no longer be approved.',
} as const;

function refuse(code: RefusalCode, reason: string): DecideVerdict {
  return { allowed: false, code, reason };
}

function isEscalationTarget(policy: Policy, decision: PolicyDecision, decider: Decider): boolean {
  const target = escalationTargetOf(policy, decision.risk);
  if (target === undefined) return false;
  if (Array.isArray(target)) return target.some((user) => sameUser(user, decider.userId));
  return isInApproverSet(approversOf(policy, target), decider);
}

/**
 * May this person record a decision (approve, decline or modify) on this approval now?
 *
 * - Closed approvals and mode auto refuse everyone.
 * - Mode ask: only the requester may confirm, once.
 * - Mode require_approval: not the requester, not someone who already decided (quorum counts distinct
 *   people), and only someone in the approver tier's `users`, in one of its `slack_groups` (for a Slack
 *   user) or holding one of its `teams_roles` (for a Teams user). Once escalated, the escalation target
 *   (a tier's approvers or listed users) may decide as well.
 *
 * Pass the policy in force now: removing someone from the approvers takes effect on pending approvals.
 */
export function canDecide(
  policy: Policy,
  decision: PolicyDecision,
  approval: ApprovalState,
  decider: Decider,
): DecideVerdict {
  const status = approval.status ?? 'pending';
  if (status !== 'pending') return refuse('closed', CLOSED_REASONS[status]);
  const isRequester = sameUser(decider.userId, approval.requester);
  const decidedBefore = approval.decisions.some((entry) => sameUser(entry.decidedBy, decider.userId));

  switch (decision.mode) {
    case 'auto':
      return refuse('nothing_to_decide', 'This action runs automatically; there is nothing to decide.');
    case 'ask':
      if (!isRequester) return refuse('not_requester', 'Only the person who asked for this can confirm it.');
      if (decidedBefore) return refuse('already_decided', 'You already answered this request.');
      return { allowed: true };
    case 'require_approval': {
      if (isRequester) {
        return refuse('requester', 'You asked for this, so someone else has to approve it.');
      }
      if (decidedBefore) {
        return refuse(
          'already_decided',
          decision.quorum > 1
            ? `You already decided on this request; it needs ${decision.quorum} different approvers.`
            : 'You already decided on this request.',
        );
      }
      const approvers = approversOf(policy, decision.approverTier);
      const escalated = Boolean(approval.escalatedAt);
      if (isInApproverSet(approvers, decider)) return { allowed: true };
      if (escalated && isEscalationTarget(policy, decision, decider)) return { allowed: true };
      if (!approvers && !(escalated && escalationTargetOf(policy, decision.risk))) {
        return refuse(
          'no_approvers',
          `No one can approve this yet: the policy lists no approvers for ${decision.risk}-risk actions.`,
        );
      }
      return refuse(
        'not_approver',
        `Only approvers for ${decision.approverTier}-risk actions can decide on this, and you are not one of them.`,
      );
    }
  }
}

export interface ApprovalTally {
  outcome: 'approved' | 'declined' | 'pending';
  /** Distinct people whose approval counts, in the order they gave it. */
  approvedBy: string[];
  /** The first person who declined, when someone did. */
  declinedBy?: string;
  /** Approvals still needed (0 once approved). */
  remaining: number;
}

/**
 * Counts the decisions recorded on an approval against the decision's quorum.
 *
 * - The first decline (by anyone allowed to decide, which {@link canDecide} checked) declines it.
 * - An approval counts once per person, never the requester's (except in mode ask, where only the
 *   requester's confirmation counts).
 * - `modify` approves the modified payload: approvals recorded before the latest modify were given for a
 *   different payload and no longer count.
 */
export function tallyApprovals(decision: PolicyDecision, approval: ApprovalState): ApprovalTally {
  if (decision.mode === 'auto') return { outcome: 'approved', approvedBy: [], remaining: 0 };
  const requester = normalizeUserId(approval.requester);
  const counts = (entry: RecordedDecision) =>
    decision.mode === 'ask'
      ? normalizeUserId(entry.decidedBy) === requester
      : normalizeUserId(entry.decidedBy) !== requester;

  const declined = approval.decisions.find((entry) => entry.decision === 'decline' && counts(entry));
  if (declined) {
    return {
      outcome: 'declined',
      approvedBy: [],
      declinedBy: declined.decidedBy,
      remaining: decision.quorum,
    };
  }
  let approvedBy: string[] = [];
  for (const entry of approval.decisions) {
    if (!counts(entry)) continue;
    const person = normalizeUserId(entry.decidedBy);
    if (entry.decision === 'modify') approvedBy = [person];
    else if (!approvedBy.includes(person)) approvedBy.push(person);
  }
  const remaining = Math.max(0, decision.quorum - approvedBy.length);
  return { outcome: remaining === 0 ? 'approved' : 'pending', approvedBy, remaining };
}

/** True when enough distinct people (never the requester) approved and nobody declined. */
export function quorumReached(decision: PolicyDecision, approval: ApprovalState): boolean {
  return tallyApprovals(decision, approval).outcome === 'approved';
}
