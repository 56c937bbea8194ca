import type { PrivacyView } from '../../handlers/privacy/privacy-view.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import type { Block, SlackMessage } from './types.ts';

/** `/em privacy`: what is stored, for how long, who sees what; a section each. */
export function renderPrivacyForSlack(view: PrivacyView): SlackMessage {
  const blocks: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(view.title, SLACK_LIMITS.headerText), emoji: true },
    },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(escapeMrkdwn(view.intro), SLACK_LIMITS.sectionText) },
    },
    ...view.sections.map((section): Block => ({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(
          `*${escapeMrkdwn(section.title)}*\n${section.lines.map((line) => `• ${escapeMrkdwn(line)}`).join('\n')}`,
          SLACK_LIMITS.sectionText,
        ),
      },
    })),
  ];
  return { text: escapeMrkdwn(`${view.title}. ${view.intro}`), blocks };
}
