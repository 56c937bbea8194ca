import { nextEscalation } from '../policy/escalation.ts';
import { approvalStateOf, auditSubjectOf, decisionAudienceOf, policyDecisionOf } from './approval-state.ts';
import { expireApproval } from './expire-approval.ts';
import type { ApprovalDeps } from './types.ts';

const MAX_ATTEMPTS = 5;

/**
 * Takes the next due step of a pending approval: the one reminder, the escalation to the next tier, or the
 * expiry. Returns when the step after it is due (null when nothing is left), for the caller to schedule. Safe
 * to run twice or early: it recomputes what is due from the stored state, and every step is a conditional write.
 */
export async function advanceApproval(
  deps: ApprovalDeps,
  tenantId: string,
  approvalId: string,
): Promise<Date | null> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const approval = await deps.store.get(tenantId, approvalId);
    if (!approval || approval.status !== 'pending') return null;
    deps.joinTrace(approval.trace_id);
    const policy = await deps.policyFor(tenantId);
    const now = deps.now();
    const step = nextEscalation(policy, policyDecisionOf(approval), approvalStateOf(approval), now);
    if (!step) return null;
    if (step.at.getTime() > now.getTime()) return step.at;
    if (step.kind === 'expire') {
      if (await expireApproval(deps, approval)) return null;
      continue;
    }

    const occasion = step.kind === 'remind' ? 'reminder' : 'escalation';
    const updated = await deps.store.update(
      tenantId,
      approvalId,
      approval.version,
      step.kind === 'remind' ? { reminded_at: now } : { escalated_at: now },
    );
    if (!updated) continue;
    const audience = decisionAudienceOf(policy, updated, occasion);
    await deps.ledger.append({
      id: `${approvalId}:${step.kind}`,
      tenantId,
      subject: auditSubjectOf(updated),
      verb: step.kind === 'remind' ? 'approval.remind' : 'approval.escalate',
      payload: { users: audience.users, slack_groups: audience.slackGroups },
      actor: 'system:escalation',
      outcome: step.kind === 'remind' ? 'reminded' : 'escalated',
      correlation_id: updated.trace_id,
    });
    deps.log.info({ traceId: updated.trace_id, approvalId, step: step.kind }, `approval ${occasion} sent`);
    const messages = await deps.notifier.requestDecision(updated, audience).catch((error: unknown) => {
      deps.log.warn({ traceId: updated.trace_id, approvalId, err: error }, `could not post the ${occasion}`);
      return [];
    });
    for (const message of messages) await deps.store.addMessage(tenantId, approvalId, message);
    return nextEscalation(policy, policyDecisionOf(updated), approvalStateOf(updated), now)?.at ?? null;
  }
  deps.log.warn({ approvalId }, 'approval kept changing while advancing it; trying again in a minute');
  return new Date(deps.now().getTime() + 60_000);
}
