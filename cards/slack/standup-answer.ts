import type { StandupAnswerView } from '../../handlers/standup/types.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import type { Block, SlackMessage } from './types.ts';

/** One member's answer as a thread reply: a section per question, then who and whether late or edited. */
export function renderStandupAnswerForSlack(view: StandupAnswerView): SlackMessage {
  const sections: Block[] = view.items.map((item) => ({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: truncate(
        `*${item.blockers ? ':construction: ' : ''}${escapeMrkdwn(item.question)}*\n${escapeMrkdwn(item.answer.trim() || '-')}`,
        SLACK_LIMITS.sectionText,
      ),
    },
  }));
  const notes = [view.late ? 'late' : undefined, view.edited ? 'edited' : undefined].filter(Boolean);
  return {
    text: truncate(
      escapeMrkdwn(`${view.displayName} answered ${view.standupName}.`),
      SLACK_LIMITS.fallbackText,
    ),
    blocks: [
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: truncate(
              `*${escapeMrkdwn(view.displayName)}*${notes.length > 0 ? ` · ${notes.join(' · ')}` : ''}`,
              SLACK_LIMITS.sectionText,
            ),
          },
        ],
      },
      ...sections,
    ],
  };
}
