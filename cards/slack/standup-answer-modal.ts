import type { StandupPromptView } from '../../handlers/standup/types.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import type { Block, SelectOption, SlackModalView } from './types.ts';

/** Ids of the answer modal, read back from its view_submission: block `answer_<question id>`, action `value`. */
export const STANDUP_ANSWER_MODAL = {
  callbackId: 'standup_answer',
  action: 'value',
  blockOf: (questionId: string) => `answer_${questionId}`,
} as const;

/** What the answer modal's private_metadata carries. */
export interface StandupAnswerMetadata {
  standupId: string;
  date: string;
}

export function readStandupAnswerMetadata(text: string | undefined): StandupAnswerMetadata | undefined {
  try {
    const parsed = JSON.parse(text ?? '') as Partial<StandupAnswerMetadata>;
    return typeof parsed.standupId === 'string' && typeof parsed.date === 'string'
      ? { standupId: parsed.standupId, date: parsed.date }
      : undefined;
  } catch {
    return undefined;
  }
}

const option = (text: string): SelectOption => ({
  text: { type: 'plain_text', text: truncate(text, 75) },
  value: truncate(text, 150),
});

/** One input per question, pre-filled with the draft or the answer already given; choices as a select. */
export function renderStandupAnswerModal(view: StandupPromptView): SlackModalView {
  const metadata: StandupAnswerMetadata = { standupId: view.standupId, date: view.date };
  const inputs: Block[] = view.questions.map((question) => {
    const prefill = view.prefill[question.id] ?? '';
    const label = { type: 'plain_text' as const, text: truncate(question.text, SLACK_LIMITS.inputLabel) };
    const block_id = STANDUP_ANSWER_MODAL.blockOf(question.id);
    if (question.kind === 'choice') {
      const options = (question.choices ?? []).map(option);
      const initial = options.find((candidate) => candidate.value === prefill);
      return {
        type: 'input',
        block_id,
        label,
        element: {
          type: 'static_select',
          action_id: STANDUP_ANSWER_MODAL.action,
          options,
          ...(initial ? { initial_option: initial } : {}),
        },
      };
    }
    return {
      type: 'input',
      block_id,
      label,
      // Nothing blocking is a fine answer: the blockers question may stay empty.
      ...(question.blockers ? { optional: true } : {}),
      element: {
        type: 'plain_text_input',
        action_id: STANDUP_ANSWER_MODAL.action,
        multiline: true,
        max_length: SLACK_LIMITS.inputLength,
        ...(prefill ? { initial_value: truncate(prefill, SLACK_LIMITS.inputLength) } : {}),
      },
    };
  });
  return {
    type: 'modal',
    callback_id: STANDUP_ANSWER_MODAL.callbackId,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: truncate(view.standupName, SLACK_LIMITS.modalTitle) },
    submit: { type: 'plain_text', text: view.answered ? 'Save changes' : 'Send' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: truncate(
              `${escapeMrkdwn(view.dateLabel)} · answer ${escapeMrkdwn(view.deadlineLabel)}. Pre-filled from your work: change anything.`,
              SLACK_LIMITS.sectionText,
            ),
          },
        ],
      },
      ...inputs,
    ],
  };
}
