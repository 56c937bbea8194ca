import { auditSubjectOf } from './approval-state.ts';
import { notifySafely } from './notify-safely.ts';
import type { Approval, ApprovalDeps } from './types.ts';

export const EXPIRED_REASON = 'expired';

/**
 * Declines a pending approval with reason "expired" and tells the requester. Returns the stored approval, or
 * null when a concurrent write changed it first (the caller re-reads: a decision may have won the race).
 */
export async function expireApproval(deps: ApprovalDeps, approval: Approval): Promise<Approval | null> {
  const now = deps.now();
  const expired = await deps.store.update(approval.tenantId, approval.id, approval.version, {
    status: 'expired',
    decision: 'expire',
    decided_by: 'system:expiry',
    decided_at: now,
    reason: EXPIRED_REASON,
  });
  if (!expired) return null;
  await deps.ledger.append({
    id: `${approval.id}:expire`,
    tenantId: approval.tenantId,
    subject: auditSubjectOf(approval),
    verb: 'approval.expire',
    payload: {
      action_type: approval.action_type,
      target_ref: approval.target_ref,
      expires_at: approval.expires_at,
    },
    actor: 'system:expiry',
    outcome: 'expired',
    correlation_id: approval.trace_id,
  });
  deps.metrics.observeLatency(now.getTime() - approval.created_at.getTime(), 'expired');
  deps.metrics.countClosed(false);
  deps.log.info({ traceId: approval.trace_id, approvalId: approval.id }, 'approval expired');
  await notifySafely(
    deps,
    expired,
    deps.notifier.refresh(expired),
    deps.notifier.tellRequester(
      expired,
      `Your request to run ${approval.action_type} on ${approval.target_ref} expired before anyone decided, so it was declined. Propose it again if it is still needed.`,
    ),
  );
  return expired;
}
