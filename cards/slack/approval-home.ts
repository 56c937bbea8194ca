import type { ApprovalView } from '../../handlers/types.ts';
import { approvalBodyBlocks, approvalItemText } from './approval.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import type { Block, SlackHomeView } from './types.ts';

export interface ApprovalHome {
  /** The pending approvals, each as this person sees it (decidable only where they may decide). */
  views: ApprovalView[];
  /** Pending approvals beyond those listed. */
  more: number;
  /** The answer to what the person just did here, shown on top. */
  note?: string;
}

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });

/**
 * The App Home tab: the person's queue. Requests they may decide come first, in full with their buttons;
 * the others waiting in the workspace follow as one line each, without buttons.
 */
export function renderApprovalHomeForSlack(home: ApprovalHome): SlackHomeView {
  const mine = home.views.filter((view) => view.decidable);
  const others = home.views.filter((view) => !view.decidable);
  const blocks: Block[] = [{ type: 'header', text: { type: 'plain_text', text: 'Approvals', emoji: true } }];
  if (home.note) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncate(escapeMrkdwn(home.note), SLACK_LIMITS.sectionText) }],
    });
  }
  blocks.push(
    section(
      mine.length === 0
        ? '*Nothing is waiting for your decision.*'
        : `*Waiting for your decision* (${mine.length})`,
    ),
  );
  for (const view of mine) blocks.push({ type: 'divider' }, ...approvalBodyBlocks(view.approval, true));
  if (others.length > 0) {
    blocks.push({ type: 'divider' }, section(`*Also pending in this workspace* (${others.length})`));
    for (const view of others) blocks.push(section(approvalItemText(view.approval)));
  }
  if (home.more > 0) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `…and ${home.more} more pending, newer than these.` }],
    });
  }
  blocks.push({
    type: 'context',
    elements: [
      { type: 'mrkdwn', text: 'Open this tab again to refresh it. `/em approvals` lists the same.' },
    ],
  });
  return { type: 'home', blocks: blocks.slice(0, SLACK_LIMITS.blocksPerView) };
}
