import type { Approval, ApprovalDeps } from './types.ts';

/**
 * Chat delivery is best effort: the approval's state is already stored and audited, and people can still
 * find it in App Home or with `approvals`, so a failed post is logged, never thrown back at the decider.
 */
export async function notifySafely(
  deps: Pick<ApprovalDeps, 'log'>,
  approval: Approval,
  ...deliveries: Promise<unknown>[]
): Promise<void> {
  const results = await Promise.allSettled(deliveries);
  for (const result of results) {
    if (result.status === 'rejected') {
      deps.log.warn(
        { traceId: approval.trace_id, approvalId: approval.id, err: result.reason },
        'could not update the approval in chat',
      );
    }
  }
}
