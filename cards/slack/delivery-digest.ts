import type { DeliveryDigestView } from '../../handlers/delivery-digest/types.ts';
import { digestHeadline } from '../delivery-digest-text.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import type { Block, SlackMessage } from './types.ts';

const MARK = {
  true: ':large_green_circle:',
  false: ':large_orange_circle:',
  null: ':white_circle:',
} as const;

/** The team's weekly delivery digest: a line per notable change with why it matters, then the cautions. */
export function renderDeliveryDigestForSlack(view: DeliveryDigestView): SlackMessage {
  const { title, summary } = digestHeadline(view);
  const blocks: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(title, SLACK_LIMITS.headerText), emoji: true },
    },
    { type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(summary) } },
    ...view.changes.map((change): Block => ({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(
          `${MARK[`${change.better}`]} *${escapeMrkdwn(change.text)}*\n${escapeMrkdwn(change.why)}`,
          SLACK_LIMITS.sectionText,
        ),
      },
    })),
  ];
  if (view.notes.length > 0) {
    blocks.push({
      type: 'context',
      elements: view.notes.slice(0, SLACK_LIMITS.contextElements).map((note) => ({
        type: 'mrkdwn' as const,
        text: truncate(escapeMrkdwn(note), SLACK_LIMITS.sectionText),
      })),
    });
  }
  return { text: truncate(escapeMrkdwn(`${title}: ${summary}`), SLACK_LIMITS.fallbackText), blocks };
}
