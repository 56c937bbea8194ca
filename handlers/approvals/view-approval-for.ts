import { canDecide } from '../policy/can-decide.ts';
import type { Decider } from '../policy/types.ts';
import type { ApprovalView } from '../types.ts';
import { approvalStateOf, policyDecisionOf } from './approval-state.ts';
import { approvalView } from './approval-view.ts';
import type { Approval, ApprovalDeps } from './types.ts';

/** May this person decide on this approval now? (Pending, and allowed by the policy in force.) */
export async function mayDecide(
  deps: Pick<ApprovalDeps, 'policyFor'>,
  approval: Approval,
  decider: Decider,
): Promise<boolean> {
  if (approval.status !== 'pending') return false;
  const policy = await deps.policyFor(approval.tenantId);
  return canDecide(policy, policyDecisionOf(approval), approvalStateOf(approval), decider).allowed;
}

/**
 * The request card as one person should see it: with Approve / Decline / Modify only when they may decide.
 * Teams refreshes a card per viewer with this; Slack uses it for App Home, which is per person too.
 */
export async function viewApprovalFor(
  deps: Pick<ApprovalDeps, 'policyFor'>,
  approval: Approval,
  decider: Decider,
): Promise<ApprovalView> {
  return approvalView(approval, await mayDecide(deps, approval, decider));
}
