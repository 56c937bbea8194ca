import { ANSWER_ACTIONS, encodeAnswerAction } from '../../handlers/ask/answer-actions.ts';
import type { AnswerView } from '../../handlers/ask/types.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import type { Block, Button, SlackMessage } from './types.ts';

/** Link text and URLs may not contain `|` or `>` inside `<url|text>`; escaping covers `>`, this covers `|`. */
function link(url: string, text: string): string {
  const safeUrl = url.replace(/[|<> ]/g, (character) => encodeURIComponent(character));
  return `<${safeUrl}|${escapeMrkdwn(text).replace(/\|/g, '¦')}>`;
}

function button(text: string, actionId: string, value: string, style?: Button['style']): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(text, 75), emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

/** `[2]` in the answer becomes a link to the cited lines. */
function linkCitations(text: string, view: AnswerView): string {
  const urls = new Map(view.citations.map((citation) => [citation.number, citation.url]));
  return escapeMrkdwn(text).replace(/\[(\d+)\]/g, (marker, number: string) => {
    const url = urls.get(Number(number));
    return url ? link(url, `[${number}]`) : marker;
  });
}

export function renderAnswerForSlack(view: AnswerView): SlackMessage {
  const unknown = view.mode === 'unknown';
  const answerId = encodeAnswerAction({ answerId: view.answerId });
  const blocks: Block[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(
          `${unknown ? ':thinking_face: ' : ''}*${escapeMrkdwn(view.question)}*\n${linkCitations(view.text, view)}`,
          SLACK_LIMITS.sectionText,
        ),
      },
    },
  ];
  if (view.note)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncate(escapeMrkdwn(view.note), 3000) }],
    });
  if (view.citations.length > 0) {
    blocks.push({
      type: 'context',
      elements: view.citations.slice(0, SLACK_LIMITS.contextElements).map((citation) => ({
        type: 'mrkdwn' as const,
        text: truncate(
          `${link(citation.url, `[${citation.number}] ${citation.title}`)} · ${escapeMrkdwn(citation.location)}`,
          3000,
        ),
      })),
    });
  }
  if (view.people.length > 0) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(
          `*Who might know*\n${view.people.map((person) => `• ${escapeMrkdwn(person.name)}: ${escapeMrkdwn(person.reason)}`).join('\n')}`,
          SLACK_LIMITS.sectionText,
        ),
      },
    });
    blocks.push({
      type: 'actions',
      block_id: 'answer_people',
      elements: view.people
        .slice(0, 5)
        .map((person, index) =>
          button(
            `Ask ${person.name}`,
            `${ANSWER_ACTIONS.askPerson}_${index}`,
            encodeAnswerAction({ answerId: view.answerId, person: person.name }),
          ),
        ),
    });
  }
  blocks.push({
    type: 'actions',
    block_id: 'answer_actions',
    elements: [
      ...(view.shared ? [] : [button('Share with channel', ANSWER_ACTIONS.share, answerId, 'primary')]),
      button(':thumbsup: Helpful', ANSWER_ACTIONS.helpful, answerId),
      button(':thumbsdown: Not helpful', ANSWER_ACTIONS.notHelpful, answerId),
    ],
  });
  const sources = view.citations.map((citation) => `[${citation.number}] ${citation.location}`).join('; ');
  return {
    text: truncate(
      escapeMrkdwn(`${view.question}: ${view.text}${sources ? ` (${sources})` : ''}`),
      SLACK_LIMITS.fallbackText,
    ),
    blocks,
  };
}
