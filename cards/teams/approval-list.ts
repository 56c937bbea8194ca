import type { ApprovalListView, ApprovalSummary } from '../../handlers/types.ts';
import { APPROVAL_VERBS, formatWhen } from './approval.ts';
import { adaptiveCard, clip, type AdaptiveCard, type CardElement } from './types.ts';

function itemOf(approval: ApprovalSummary): CardElement {
  const progress =
    approval.mode === 'ask'
      ? 'waits for the requester to confirm'
      : `${approval.approvedBy.length} of ${approval.approvalsNeeded} approvals`;
  const expiry = approval.expiresAt ? `, expires ${formatWhen(approval.expiresAt)}` : '';
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      {
        type: 'TextBlock',
        text: `${approval.actionType} on ${clip(approval.targetRef, 200)}`,
        wrap: true,
        weight: 'Bolder',
      },
      {
        type: 'TextBlock',
        text: `${approval.risk} risk, asked by ${approval.requester}, ${progress}${expiry}.`,
        wrap: true,
        isSubtle: true,
        spacing: 'None',
      },
      {
        type: 'ActionSet',
        actions: [
          {
            type: 'Action.Execute',
            title: 'Open',
            verb: APPROVAL_VERBS.open,
            data: { approvalId: approval.id },
          },
        ],
      },
    ],
  };
}

/**
 * The pending approvals, one compact block each with an Open button: opening posts the full request card for
 * this viewer (Approve, Decline and Modify only for who may decide) and refreshes this list.
 */
export function renderApprovalListForTeams(view: ApprovalListView): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: view.title, wrap: true, weight: 'Bolder', size: 'Medium' },
  ];
  if (view.items.length === 0) {
    body.push({
      type: 'TextBlock',
      text: 'New requests reach the approvers in their chat with me, and are listed here.',
      wrap: true,
      isSubtle: true,
    });
  }
  body.push(...view.items.map(itemOf));
  if (view.more > 0) {
    body.push({ type: 'TextBlock', text: `…and ${view.more} more waiting.`, wrap: true, isSubtle: true });
  }
  const count = view.items.length + view.more;
  return adaptiveCard(
    count === 0 ? view.title : `${view.title}: ${count} request${count === 1 ? '' : 's'}`,
    body,
  );
}
