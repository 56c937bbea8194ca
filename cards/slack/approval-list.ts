import type { ApprovalListView } from '../../handlers/types.ts';
import { approvalItemText, decisionButtons } from './approval.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import type { Block, SlackMessage } from './types.ts';

/** Header, the "and N more" line and the footer; each item takes two blocks (its line and its buttons). */
const RESERVED_BLOCKS = 3;

/**
 * `/em approvals`: every pending request with its buttons. The list does not know who is looking, so every
 * item has them; a click by someone who may not decide gets a private answer saying why.
 */
export function renderApprovalListForSlack(view: ApprovalListView): SlackMessage {
  const fits = Math.floor((SLACK_LIMITS.blocksPerMessage - RESERVED_BLOCKS) / 2);
  const shown = view.items.slice(0, fits);
  const more = view.more + (view.items.length - shown.length);
  const blocks: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(view.title, SLACK_LIMITS.headerText), emoji: true },
    },
  ];
  for (const item of shown) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: approvalItemText(item) } });
    if (item.status === 'pending') blocks.push(decisionButtons(item));
  }
  if (more > 0) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `…and ${more} more waiting, newer than these.` }],
    });
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text:
          view.items.length === 0
            ? 'New requests appear here and in the em-agent App Home.'
            : 'Only approvers can decide; the App Home tab shows the requests waiting for you.',
      },
    ],
  });
  const summary = view.items.map((item) => `${item.actionType} on ${item.targetRef}`).join('; ');
  return {
    text: truncate(
      escapeMrkdwn(summary ? `${view.title}: ${summary}` : view.title),
      SLACK_LIMITS.fallbackText,
    ),
    blocks,
  };
}
