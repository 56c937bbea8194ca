import type { StandupPromptView } from '../../handlers/standup/types.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import { bulletsOf } from './standup-text.ts';
import type { Block, SlackMessage } from './types.ts';

/** Buttons of the prompt DM; their value is JSON `{ standupId, date }` (the day the prompt is for). */
export const STANDUP_PROMPT_ACTIONS = {
  answer: 'standup_answer_open',
  answerTomorrow: 'standup_answer_tomorrow',
} as const;

const DRAFT_ITEMS = 8;

function draftSection(title: string, body: string): Block[] {
  if (!body) return [];
  return [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(`*${title}*\n${body}`, SLACK_LIMITS.sectionText) },
    },
  ];
}

/** The member's DM: what the draft found (linked), then Answer (or Edit) and Answer for tomorrow. */
export function renderStandupPromptForSlack(view: StandupPromptView): SlackMessage {
  const name = escapeMrkdwn(view.standupName);
  const lead = view.reminder
    ? `:alarm_clock: *Reminder: ${name}* is still waiting for your answer, ${escapeMrkdwn(view.deadlineLabel)}.`
    : `:wave: *${name}* for ${escapeMrkdwn(view.dateLabel)}: answer ${escapeMrkdwn(view.deadlineLabel)}.`;
  const { draft } = view;
  const blockers = draft.openBlockers
    .slice(0, DRAFT_ITEMS)
    .map((text) => `• ${escapeMrkdwn(text)}`)
    .join('\n');
  const empty = draft.done.length + draft.today.length + draft.openBlockers.length === 0;
  const value = JSON.stringify({ standupId: view.standupId, date: view.date });
  const blocks: Block[] = [
    { type: 'section', text: { type: 'mrkdwn', text: truncate(lead, SLACK_LIMITS.sectionText) } },
    ...draftSection('Done since your last standup', bulletsOf(draft.done, DRAFT_ITEMS)),
    ...draftSection('Candidates for today', bulletsOf(draft.today, DRAFT_ITEMS)),
    ...draftSection('Still blocked?', blockers),
    ...(empty
      ? [
          {
            type: 'context' as const,
            elements: [
              {
                type: 'mrkdwn' as const,
                text: 'Nothing from GitHub or Jira yet: a few words of your own will do.',
              },
            ],
          },
        ]
      : []),
    {
      type: 'actions',
      block_id: 'standup_prompt',
      elements: [
        {
          type: 'button',
          action_id: STANDUP_PROMPT_ACTIONS.answer,
          text: { type: 'plain_text', text: view.answered ? 'Edit answer' : 'Answer' },
          style: 'primary',
          value,
        },
        {
          type: 'button',
          action_id: STANDUP_PROMPT_ACTIONS.answerTomorrow,
          text: { type: 'plain_text', text: 'Answer for tomorrow' },
          value,
        },
      ],
    },
  ];
  const text = view.reminder
    ? `Reminder: ${view.standupName} is waiting for your answer, ${view.deadlineLabel}.`
    : `${view.standupName} for ${view.dateLabel}: answer ${view.deadlineLabel}.`;
  return { text: truncate(escapeMrkdwn(text), SLACK_LIMITS.fallbackText), blocks };
}
