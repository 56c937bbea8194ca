import type { ApprovalSummary, ApprovalView } from '../../handlers/types.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import { codeBlock, linkTo, mentionOf, slackDate } from './slack-text.ts';
import type { Block, Button, SlackMessage } from './types.ts';

/** The action ids of the decision buttons; each button's value is the approval id. */
export const APPROVAL_ACTIONS = {
  approve: 'approval.approve',
  decline: 'approval.decline',
  modify: 'approval.modify',
} as const;

const STATUS: Record<ApprovalSummary['status'], { emoji: string; title: string }> = {
  pending: { emoji: ':hourglass_flowing_sand:', title: 'Approval needed' },
  approved: { emoji: ':white_check_mark:', title: 'Approved' },
  declined: { emoji: ':no_entry_sign:', title: 'Declined' },
  expired: { emoji: ':alarm_clock:', title: 'Expired' },
};

function titleOf(approval: ApprovalSummary): string {
  if (approval.status === 'pending' && approval.mode === 'ask') return 'Please confirm';
  return STATUS[approval.status].title;
}

/** Ends what someone wrote with a full stop unless it already ends a sentence. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function riskLabel(risk: ApprovalSummary['risk']): string {
  return `${risk[0]!.toUpperCase()}${risk.slice(1)}`;
}

/** "1 of 2 (@bob)", or what a confirmation needs. */
function progressOf(approval: ApprovalSummary): string {
  if (approval.mode === 'ask') {
    return approval.status === 'pending' ? `${mentionOf(approval.requester)} to confirm` : 'Confirmation';
  }
  const who = approval.approvedBy.map(mentionOf).join(', ');
  return `${approval.approvedBy.length} of ${approval.approvalsNeeded}${who ? ` (${who})` : ''}`;
}

function whatLine(approval: ApprovalSummary): string {
  return `*${escapeMrkdwn(approval.actionType)}* on \`${escapeMrkdwn(approval.targetRef)}\``;
}

function executionLine(execution: ApprovalSummary['execution']): string | undefined {
  const link = execution.url ? ` ${linkTo(execution.url, 'View')}` : '';
  switch (execution.status) {
    case 'succeeded':
      return `Done: ${escapeMrkdwn(execution.summary ?? 'it ran')}.${link}`;
    case 'failed':
      return `It failed: ${escapeMrkdwn(execution.summary ?? 'no detail')}. It was not retried.`;
    case 'running':
      return 'Running…';
    case 'not_started':
      return undefined;
  }
}

/** How a closed approval ended, and what running it did. */
function outcomeOf(approval: ApprovalSummary): string {
  let line: string;
  switch (approval.status) {
    case 'approved':
      line =
        approval.decidedBy === 'system:policy'
          ? '*Approved* by the policy: it runs without a decision.'
          : `*Approved* by ${approval.approvedBy.map(mentionOf).join(', ') || mentionOf(approval.decidedBy ?? '')}${approval.modified ? ', with changes' : ''}.`;
      break;
    case 'declined':
      line = `*Declined* by ${mentionOf(approval.decidedBy ?? 'unknown')}${approval.reason ? `: ${escapeMrkdwn(sentence(approval.reason))}` : '.'} It will not run.`;
      break;
    case 'expired':
      line = '*Expired* before anyone decided, so it did not run.';
      break;
    case 'pending':
      line = '';
  }
  const execution = executionLine(approval.execution);
  return truncate([line, execution].filter(Boolean).join('\n'), SLACK_LIMITS.sectionText);
}

function button(actionId: string, label: string, approvalId: string, extra: Partial<Button> = {}): Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: label, emoji: true },
    value: approvalId,
    ...extra,
  };
}

/** Approve (primary), Decline (danger, confirmed first) and Modify, for one approval. */
export function decisionButtons(approval: ApprovalSummary): Block {
  const confirming = approval.mode === 'ask';
  return {
    type: 'actions',
    block_id: `approval:${approval.id}`,
    elements: [
      button(APPROVAL_ACTIONS.approve, confirming ? 'Confirm' : 'Approve', approval.id, { style: 'primary' }),
      button(APPROVAL_ACTIONS.decline, confirming ? 'Cancel' : 'Decline', approval.id, {
        style: 'danger',
        confirm: {
          title: { type: 'plain_text', text: 'Decline this request?' },
          text: {
            type: 'mrkdwn',
            text: truncate(
              `${escapeMrkdwn(approval.actionType)} will not run, and ${mentionOf(approval.requester)} is told.`,
              SLACK_LIMITS.confirmText,
            ),
          },
          confirm: { type: 'plain_text', text: 'Decline' },
          deny: { type: 'plain_text', text: 'Keep it' },
          style: 'danger',
        },
      }),
      button(APPROVAL_ACTIONS.modify, 'Modify', approval.id),
    ],
  };
}

/** Everything about one approval below its title: what, who, why, where it stands, and the buttons. */
export function approvalBodyBlocks(approval: ApprovalSummary, decidable: boolean): Block[] {
  const fields = [
    `*Risk*\n${riskLabel(approval.risk)}`,
    `*Asked by*\n${mentionOf(approval.requester)}`,
    `*Approvals*\n${progressOf(approval)}`,
    approval.status === 'pending' && approval.expiresAt
      ? `*Expires*\n${slackDate(approval.expiresAt)}`
      : `*Asked*\n${slackDate(approval.createdAt)}`,
  ];
  const blocks: Block[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(whatLine(approval), SLACK_LIMITS.sectionText) },
      fields: fields.map((text) => ({ type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.fieldText) })),
    },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*Payload${approval.modified ? ' (modified)' : ''}*\n${codeBlock(approval.payloadPreview, SLACK_LIMITS.sectionText - 30)}`,
      },
    },
  ];
  if (approval.reasons.length > 0) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: truncate(`Why: ${escapeMrkdwn(approval.reasons.join(' '))}`, SLACK_LIMITS.sectionText),
        },
      ],
    });
  }
  if (approval.status !== 'pending') {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: outcomeOf(approval) } });
  } else if (decidable) {
    blocks.push(decisionButtons(approval));
  }
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `Request \`${escapeMrkdwn(approval.id)}\`` }],
  });
  return blocks;
}

/** One line of an approval for lists: what, risk, who asked, progress and expiry. */
export function approvalItemText(approval: ApprovalSummary): string {
  const expiry = approval.expiresAt ? ` · expires ${slackDate(approval.expiresAt)}` : '';
  return truncate(
    `${whatLine(approval)} · ${approval.risk} risk\nAsked by ${mentionOf(approval.requester)} · approvals ${progressOf(approval)}${expiry}`,
    SLACK_LIMITS.sectionText,
  );
}

export function approvalFallbackText(approval: ApprovalSummary): string {
  return truncate(
    `${titleOf(approval)}: ${escapeMrkdwn(approval.actionType)} on ${escapeMrkdwn(approval.targetRef)}, asked by ${mentionOf(approval.requester)}`,
    SLACK_LIMITS.fallbackText,
  );
}

/** The request message: posted to approvers, updated in place as decisions come in and when it closes. */
export function renderApprovalForSlack(view: ApprovalView): SlackMessage {
  const { approval } = view;
  const status = STATUS[approval.status];
  const blocks: Block[] = [];
  if (view.note) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncate(escapeMrkdwn(view.note), SLACK_LIMITS.sectionText) }],
    });
  }
  blocks.push(
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: truncate(
          `${status.emoji} ${titleOf(approval)}: ${approval.actionType}`,
          SLACK_LIMITS.headerText,
        ),
        emoji: true,
      },
    },
    ...approvalBodyBlocks(approval, view.decidable),
  );
  return { text: approvalFallbackText(approval), blocks };
}
