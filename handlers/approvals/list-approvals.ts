import { policyUserIdOf } from '../policy/approvers.ts';
import type { CommandInput, CommandPorts, Reply } from '../types.ts';
import { summarizeApproval } from './approval-view.ts';
import { APPROVALS_UNAVAILABLE } from './not-configured.ts';
import type { Approval, ApprovalStore } from './types.ts';

/** As many as one message comfortably holds; the rest are counted. */
export const LISTED_APPROVALS = 10;

/** The tenant's pending approvals, oldest first (the one closest to expiring leads). */
export async function pendingApprovals(
  store: Pick<ApprovalStore, 'listPending'>,
  tenantId: string,
): Promise<{ items: Approval[]; more: number }> {
  const pending = await store.listPending(tenantId, LISTED_APPROVALS + 1);
  return { items: pending.slice(0, LISTED_APPROVALS), more: Math.max(0, pending.length - LISTED_APPROVALS) };
}

/** `approvals`: what waits for a decision in this workspace or tenant, visible only to the asker. */
export async function listApprovals(input: CommandInput, services: CommandPorts): Promise<Reply> {
  if (!services.approvals) return APPROVALS_UNAVAILABLE;
  const { items, more } = await pendingApprovals(services.approvals.store, input.actor.tenantId);
  const me = policyUserIdOf(input.actor);
  return {
    visibility: 'personal',
    view: {
      kind: 'approval-list',
      title: items.length === 0 ? 'Nothing is waiting for a decision' : 'Waiting for a decision',
      // Requests the asker made come last: they are the ones the asker cannot approve.
      items: items
        .map(summarizeApproval)
        .sort((a, b) => Number(a.requester === me) - Number(b.requester === me)),
      more,
    },
  };
}
