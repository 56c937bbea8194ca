import { tallyApprovals } from '../policy/can-decide.ts';
import type { ApprovalSummary, ApprovalView } from '../types.ts';
import { approvalStateOf, policyDecisionOf } from './approval-state.ts';
import type { Approval } from './types.ts';

/** Long enough to review a change, short enough for one Slack section and a Teams text block. */
export const PAYLOAD_PREVIEW_LIMIT = 1_500;

function previewOf(payload: unknown): string {
  const text = JSON.stringify(payload, null, 2);
  return text.length <= PAYLOAD_PREVIEW_LIMIT ? text : `${text.slice(0, PAYLOAD_PREVIEW_LIMIT - 1)}…`;
}

export function summarizeApproval(approval: Approval): ApprovalSummary {
  const tally = tallyApprovals(policyDecisionOf(approval), approvalStateOf(approval));
  return {
    id: approval.id,
    actionType: approval.action_type,
    targetRef: approval.target_ref,
    risk: approval.risk_level,
    mode: approval.mode,
    status: approval.status,
    requester: approval.requester,
    createdAt: approval.created_at.toISOString(),
    expiresAt: approval.expires_at?.toISOString() ?? null,
    payloadPreview: previewOf(approval.proposed_payload),
    reasons: approval.reasons,
    approvalsNeeded: approval.quorum,
    approvedBy: approval.status === 'declined' ? [] : tally.approvedBy,
    decidedBy: approval.decided_by,
    reason: approval.reason,
    modified: approval.decisions.some((entry) => entry.decision === 'modify'),
    execution: {
      status: approval.execution.status,
      summary: approval.execution.summary,
      url: approval.execution.url,
    },
  };
}

/** The request card; `decidable` only while pending and when the viewer may decide (or the viewer is unknown). */
export function approvalView(approval: Approval, decidable: boolean, note?: string): ApprovalView {
  return {
    kind: 'approval',
    approval: summarizeApproval(approval),
    decidable: decidable && approval.status === 'pending',
    ...(note ? { note } : {}),
  };
}
