import { canDecide, tallyApprovals, type RefusalCode } from '../policy/can-decide.ts';
import type { DecisionVerb, Decider } from '../policy/types.ts';
import { checkActionPayload } from './action-payloads.ts';
import { approvalStateOf, auditSubjectOf, policyDecisionOf } from './approval-state.ts';
import { expireApproval } from './expire-approval.ts';
import { notifySafely } from './notify-safely.ts';
import { runApprovedAction } from './run-approved-action.ts';
import type { Approval, ApprovalDeps, DecisionEntry } from './types.ts';

export interface DecisionInput {
  tenantId: string;
  approvalId: string;
  decider: Decider;
  decision: DecisionVerb;
  reason?: string | null;
  /** For modify: the new payload, checked against the action's schema. */
  payload?: unknown;
}

export type DecisionRefusal = RefusalCode | 'not_found' | 'invalid_payload';

export type DecisionResult =
  | { ok: true; approval: Approval; message: string }
  | { ok: false; code: DecisionRefusal; message: string; approval?: Approval };

/** Refusals that say something about who tried, worth an audit entry; a double click is not. */
const AUDITED_REFUSALS: ReadonlySet<DecisionRefusal> = new Set([
  'requester',
  'not_approver',
  'no_approvers',
  'not_requester',
]);

/** Concurrent deciders retry on a version conflict; with a quorum of N this bounds how often one retries. */
const MAX_ATTEMPTS = 50;

function acknowledge(approval: Approval, entry: DecisionEntry, remaining: number): string {
  if (approval.status === 'declined') return `Declined. ${approval.action_type} will not run.`;
  if (approval.status === 'approved') {
    const { execution } = approval;
    if (execution.status === 'succeeded')
      return `Approved and done: ${execution.summary ?? approval.action_type}.`;
    if (execution.status === 'failed') return `Approved, but it failed: ${execution.summary ?? 'no detail'}.`;
    return `Approved. ${approval.action_type} is running.`;
  }
  const verb =
    entry.decision === 'modify'
      ? 'Your change is recorded and counts as your approval'
      : 'Your approval is recorded';
  return `${verb}; ${remaining} more approval${remaining === 1 ? '' : 's'} needed.`;
}

/**
 * Records one decision: approve, decline, or modify (approve a changed payload). The first valid decision that
 * closes the approval wins; every write names the version it read, so two approvers at once, a double click or
 * a decision racing the expiry cannot both land, and the action runs at most once.
 */
export async function decideApproval(deps: ApprovalDeps, input: DecisionInput): Promise<DecisionResult> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const approval = await deps.store.get(input.tenantId, input.approvalId);
    if (!approval) return { ok: false, code: 'not_found', message: 'There is no such approval.' };
    deps.joinTrace(approval.trace_id);
    const now = deps.now();
    if (
      approval.status === 'pending' &&
      approval.expires_at &&
      approval.expires_at.getTime() <= now.getTime()
    ) {
      await expireApproval(deps, approval);
      continue;
    }

    const policy = await deps.policyFor(input.tenantId);
    const verdict = canDecide(policy, policyDecisionOf(approval), approvalStateOf(approval), input.decider);
    if (!verdict.allowed) {
      if (AUDITED_REFUSALS.has(verdict.code)) await auditRefusal(deps, approval, input, verdict.code);
      return { ok: false, code: verdict.code, message: verdict.reason, approval };
    }

    let payload = approval.proposed_payload;
    if (input.decision === 'modify') {
      const checked = checkActionPayload(approval.action_type, input.payload);
      if (!checked.ok) return { ok: false, code: 'invalid_payload', message: checked.problem, approval };
      payload = checked.payload;
    }
    const entry: DecisionEntry = {
      decided_by: input.decider.userId,
      decision: input.decision,
      reason: input.reason?.trim() || null,
      payload: input.decision === 'modify' ? payload : null,
      decided_at: now,
    };
    const decisions = [...approval.decisions, entry];
    const tally = tallyApprovals(policyDecisionOf(approval), {
      ...approvalStateOf(approval),
      decisions: decisions.map((d) => ({ decidedBy: d.decided_by, decision: d.decision })),
    });
    const closing = tally.outcome !== 'pending';
    const updated = await deps.store.update(input.tenantId, input.approvalId, approval.version, {
      decisions,
      proposed_payload: payload,
      status: closing ? tally.outcome : 'pending',
      ...(closing
        ? { decided_by: entry.decided_by, decided_at: now, decision: entry.decision, reason: entry.reason }
        : {}),
    });
    if (!updated) continue;

    await deps.ledger.append({
      id: `${approval.id}:decision:${decisions.length}`,
      tenantId: approval.tenantId,
      subject: auditSubjectOf(approval),
      verb: 'approval.decide',
      payload: {
        decision: entry.decision,
        reason: entry.reason,
        ...(entry.decision === 'modify' ? { previous_payload: approval.proposed_payload, payload } : {}),
        status: updated.status,
        remaining: tally.remaining,
      },
      actor: entry.decided_by,
      outcome:
        entry.decision === 'modify' ? 'modified' : entry.decision === 'approve' ? 'approved' : 'declined',
      correlation_id: approval.trace_id,
    });
    deps.log.info(
      {
        traceId: approval.trace_id,
        approvalId: approval.id,
        decision: entry.decision,
        status: updated.status,
      },
      'approval decided',
    );

    if (!closing) {
      await notifySafely(deps, updated, deps.notifier.refresh(updated));
      return { ok: true, approval: updated, message: acknowledge(updated, entry, tally.remaining) };
    }
    deps.metrics.observeLatency(
      now.getTime() - approval.created_at.getTime(),
      updated.status === 'approved' ? 'approved' : 'declined',
    );
    deps.metrics.countClosed(decisions.some((d) => d.decision === 'modify'));
    if (updated.status === 'declined') {
      await notifySafely(
        deps,
        updated,
        deps.notifier.refresh(updated),
        deps.notifier.tellRequester(
          updated,
          `Your request to run ${updated.action_type} on ${updated.target_ref} was declined${entry.reason ? `: ${entry.reason}` : '.'}`,
        ),
      );
      return { ok: true, approval: updated, message: acknowledge(updated, entry, 0) };
    }
    const finished = await runApprovedAction(deps, updated);
    return { ok: true, approval: finished, message: acknowledge(finished, entry, 0) };
  }
  const latest = await deps.store.get(input.tenantId, input.approvalId);
  return {
    ok: false,
    code: 'closed',
    message: 'This request changed while you decided; look at it again.',
    ...(latest ? { approval: latest } : {}),
  };
}

async function auditRefusal(
  deps: ApprovalDeps,
  approval: Approval,
  input: DecisionInput,
  code: DecisionRefusal,
): Promise<void> {
  await deps.ledger.append({
    tenantId: approval.tenantId,
    subject: auditSubjectOf(approval),
    verb: 'approval.decide',
    payload: { decision: input.decision, refused: code },
    actor: input.decider.userId,
    outcome: 'refused',
    correlation_id: approval.trace_id,
  });
  deps.log.warn({ traceId: approval.trace_id, approvalId: approval.id, refused: code }, 'decision refused');
}
