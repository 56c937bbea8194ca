import type { NoticeView } from '../../handlers/types.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import type { Block, SlackMessage } from './types.ts';

const TONE_EMOJI: Record<NoticeView['tone'], string> = {
  info: ':information_source:',
  warning: ':thinking_face:',
  error: ':warning:',
};

export function renderNoticeForSlack(view: NoticeView): SlackMessage {
  const blocks: Block[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(
          `${TONE_EMOJI[view.tone]} *${escapeMrkdwn(view.title)}*\n${escapeMrkdwn(view.body)}`,
          SLACK_LIMITS.sectionText,
        ),
      },
    },
  ];
  if (view.suggestion) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `Try \`${escapeMrkdwn(view.suggestion)}\`` }],
    });
  }
  return { text: escapeMrkdwn(`${view.title}. ${view.body}`), blocks };
}
