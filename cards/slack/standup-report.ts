import type { StandupReportView } from '../../handlers/standup/types.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import { bulletsOf, namesOf } from './standup-text.ts';
import type { Block, SlackMessage } from './types.ts';

/** Names per list before "and N more"; the parent stays a handful of blocks for any team size. */
const NAMES = 25;
const SHIPPED = 10;

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** The report's parent message: summary, counts, who answered / is waiting / is away, what shipped. */
export function renderStandupReportForSlack(view: StandupReportView): SlackMessage {
  const counts = [
    `:white_check_mark: ${view.answered.length} answered`,
    `:hourglass_flowing_sand: ${view.waiting.length} waiting`,
    `:palm_tree: ${view.away.length} away`,
    `:construction: ${plural(view.blockers, 'blocker')}`,
  ].join('  ·  ');
  const lines = [
    view.answered.length > 0
      ? `*Answered:* ${namesOf(
          view.answered.map((member) => member.displayName),
          NAMES,
        )}`
      : undefined,
    view.waiting.length > 0
      ? `*Waiting:* ${namesOf(
          view.waiting.map((member) => member.displayName),
          NAMES,
        )}`
      : undefined,
    view.away.length > 0
      ? `*Away:* ${namesOf(
          view.away.map((member) => `${member.displayName} (${member.label})`),
          NAMES,
        )}`
      : undefined,
  ].filter((line) => line !== undefined);
  const blocks: Block[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: truncate(`${view.standupName} · ${view.dateLabel}`, SLACK_LIMITS.headerText),
        emoji: true,
      },
    },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(escapeMrkdwn(view.summary || '-'), SLACK_LIMITS.sectionText) },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: counts }] },
  ];
  if (lines.length > 0) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncate(lines.join('\n'), SLACK_LIMITS.sectionText) }],
    });
  }
  if (view.shipped.length > 0) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(`*:rocket: Shipped*\n${bulletsOf(view.shipped, SHIPPED)}`, SLACK_LIMITS.sectionText),
      },
    });
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: view.complete
          ? 'Everyone answered or is away. Answers are in the thread.'
          : 'Answers arrive in the thread; this message updates as they do.',
      },
    ],
  });
  const text = `${view.standupName} (${view.dateLabel}): ${view.answered.length} answered, ${view.waiting.length} waiting, ${view.away.length} away, ${plural(view.blockers, 'blocker')}.`;
  return { text: truncate(escapeMrkdwn(text), SLACK_LIMITS.fallbackText), blocks };
}
