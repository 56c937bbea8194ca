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

export const noteBlock = (note: string): Block => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: truncate(escapeMrkdwn(note), SLACK_LIMITS.sectionText) }],
});

/**
 * The approvals section of a home: requests the person may decide come first, in full with their buttons;
 * the others waiting in the workspace follow as one line each, without buttons. At most `maxBlocks` blocks:
 * decidable requests that do not fit are shown as one line each, and lines that do not fit are counted.
 */
export function approvalSectionBlocks(
  home: Pick<ApprovalHome, 'views' | 'more'>,
  maxBlocks: number = SLACK_LIMITS.blocksPerView,
): Block[] {
  const mine = home.views.filter((view) => view.decidable);
  const others = home.views.filter((view) => !view.decidable);
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Approvals', emoji: true } },
    section(
      mine.length === 0
        ? '*Nothing is waiting for your decision.*'
        : `*Waiting for your decision* (${mine.length})`,
    ),
  ];
  // Room kept for the "also pending" heading and the count of what did not fit.
  const budget = maxBlocks - 2;
  let more = home.more;
  for (const view of mine) {
    const body = [{ type: 'divider' } as Block, ...approvalBodyBlocks(view.approval, true)];
    if (blocks.length + body.length <= budget) blocks.push(...body);
    else if (blocks.length + 1 <= budget) blocks.push(section(approvalItemText(view.approval)));
    else more += 1;
  }
  if (others.length > 0 && blocks.length + 2 <= budget) {
    blocks.push({ type: 'divider' }, section(`*Also pending in this workspace* (${others.length})`));
    for (const view of others) {
      if (blocks.length + 1 <= budget) blocks.push(section(approvalItemText(view.approval)));
      else more += 1;
    }
  } else more += others.length;
  if (more > 0) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `…and ${more} more pending, newer than these.` }],
    });
  }
  return blocks;
}

/** The App Home tab with the approval queue alone (a home without the other sections). */
export function renderApprovalHomeForSlack(home: ApprovalHome): SlackHomeView {
  const [header, ...rest] = approvalSectionBlocks(home, SLACK_LIMITS.blocksPerView - 2);
  const blocks: Block[] = [header!, ...(home.note ? [noteBlock(home.note)] : []), ...rest];
  blocks.push({
    type: 'context',
    elements: [
      { type: 'mrkdwn', text: 'Open this tab again to refresh it. `/em approvals` lists the same.' },
    ],
  });
  return { type: 'home', blocks: blocks.slice(0, SLACK_LIMITS.blocksPerView) };
}
