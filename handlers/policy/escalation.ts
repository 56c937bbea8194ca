import { durationMs } from './durations.ts';
import { escalationTargetOf, type Policy, type RiskLevel } from './policy-schema.ts';
import type { ApprovalState, PolicyDecision } from './types.ts';
import { deferToWorkingTime, extendToWorkingDayEnd } from './working-hours.ts';

/** Where an escalation goes: another tier's approvers, or named people. */
export type EscalationTarget = { tier: RiskLevel } | { users: string[] };

/** The next thing to do for a pending approval. `at` may lie in the past: then it is due now. */
export type EscalationStep =
  /** Remind the approvers (require_approval) or the requester (ask), once. */
  | { kind: 'remind'; at: Date; notify: 'approvers' | 'requester' }
  /** Offer the approval to the target as well, once; from then on the target may decide too. */
  | { kind: 'escalate'; at: Date; to: EscalationTarget }
  /** Decline it with reason "expired" and tell the requester. */
  | { kind: 'expire'; at: Date };

/**
 * When an approval created at `createdAt` expires: `createdAt + ttl` (elapsed time). With working hours, an
 * expiry that falls outside them moves to the end of the next working window, so approvals never expire
 * while nobody is at work (Saturday 10:00 becomes Monday 18:00 with Mon–Fri 09:00–18:00). `null` for auto:
 * nothing waits.
 */
export function expiresAt(policy: Policy, decision: PolicyDecision, createdAt: Date): Date | null {
  if (decision.mode === 'auto') return null;
  const due = new Date(createdAt.getTime() + decision.ttlMs);
  const hours = policy.approvals?.working_hours;
  return hours ? extendToWorkingDayEnd(hours, due) : due;
}

function dueAt(policy: Policy, createdAt: Date, after: string): Date {
  const due = new Date(createdAt.getTime() + durationMs(after));
  const hours = policy.approvals?.working_hours;
  return hours ? deferToWorkingTime(hours, due) : due;
}

/**
 * The next reminder, escalation or expiry of a pending approval, from the escalation settings of the
 * decision's risk tier (`tiers.<risk>.escalation`); `null` when it is not pending or its mode is auto.
 *
 * - Reminder and escalation are counted from `createdAt` and each happens once; with working hours, one due
 *   outside them moves to the start of the next working window (Friday 19:00 becomes Monday 09:00).
 * - Mode ask is only reminded (to the requester): only the requester can confirm, so there is no one to
 *   escalate to.
 * - A step that would come at or after the expiry is dropped, a reminder is dropped once the escalation is
 *   due or done, and once `now` reaches the expiry the answer is the expiry.
 */
export function nextEscalation(
  policy: Policy,
  decision: PolicyDecision,
  approval: ApprovalState,
  now: Date,
): EscalationStep | null {
  if ((approval.status ?? 'pending') !== 'pending' || decision.mode === 'auto') return null;
  const expiry = expiresAt(policy, decision, approval.createdAt);
  if (!expiry) return null;
  const expire: EscalationStep = { kind: 'expire', at: expiry };
  if (now.getTime() >= expiry.getTime()) return expire;

  const rule = policy.tiers?.[decision.risk]?.escalation;
  const before = (step: EscalationStep) => step.at.getTime() < expiry.getTime();

  let escalate: EscalationStep | undefined;
  const target = escalationTargetOf(policy, decision.risk);
  if (decision.mode === 'require_approval' && rule?.escalate_after && target && !approval.escalatedAt) {
    escalate = {
      kind: 'escalate',
      at: dueAt(policy, approval.createdAt, rule.escalate_after),
      to: Array.isArray(target) ? { users: [...target] } : { tier: target },
    };
    if (!before(escalate)) escalate = undefined;
  }

  let remind: EscalationStep | undefined;
  if (rule?.remind_after && !approval.remindedAt && !approval.escalatedAt) {
    remind = {
      kind: 'remind',
      at: dueAt(policy, approval.createdAt, rule.remind_after),
      notify: decision.mode === 'ask' ? 'requester' : 'approvers',
    };
    const overtaken = escalate && escalate.at.getTime() <= now.getTime();
    if (!before(remind) || overtaken || (escalate && escalate.at.getTime() <= remind.at.getTime())) {
      remind = undefined;
    }
  }

  return remind ?? escalate ?? expire;
}
