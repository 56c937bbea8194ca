import type { TriageDigestView } from '../../handlers/triage/notify-types.ts';
import { digestItemLine, pullLabel } from '../triage-text.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import { linkTo } from './slack-text.ts';
import type { Block, SlackMessage } from './types.ts';

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** The team's triage digest: one section per PR still waiting, then those resolved since it was posted. */
export function renderTriageDigestForSlack(view: TriageDigestView): SlackMessage {
  const title = `PR triage · ${view.team} · ${view.date}`;
  const summary =
    view.open.length === 0
      ? `:white_check_mark: All ${plural(view.resolved.length, 'PR')} from this morning are resolved. Nothing is waiting.`
      : `${plural(view.open.length, 'PR')} ${view.open.length === 1 ? 'needs' : 'need'} someone${view.resolved.length > 0 ? `, ${view.resolved.length} resolved since this morning` : ''}.`;
  const blocks: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(title, SLACK_LIMITS.headerText), emoji: true },
    },
    { type: 'section', text: { type: 'mrkdwn', text: summary } },
  ];
  for (const item of view.open) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(
          `*${linkTo(item.url, `${pullLabel(item)} ${item.title}`)}*\n${escapeMrkdwn(digestItemLine(item))}`,
          SLACK_LIMITS.sectionText,
        ),
      },
    });
  }
  if (view.resolved.length > 0) {
    const resolved = view.resolved.map((item) => `~${linkTo(item.url, pullLabel(item))}~`).join(', ');
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: truncate(`:heavy_check_mark: Resolved: ${resolved}`, SLACK_LIMITS.sectionText),
        },
      ],
    });
  }
  return { text: escapeMrkdwn(`${title}: ${summary}`), blocks };
}
