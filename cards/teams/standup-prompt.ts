import type { StandupPromptView } from '../../handlers/standup/types.ts';
import { heading, itemLinesOf } from './standup-text.ts';
import { adaptiveCard, clip, type AdaptiveCard, type CardElement } from './types.ts';

/** The prompt card's verb; its data is `{ standupId, date }`, the inputs' values come beside it. */
export const STANDUP_SUBMIT_VERB = 'standupSubmit';

/** "Answer for tomorrow": the card comes back for the member's next standup day. */
export const STANDUP_TOMORROW_VERB = 'standupTomorrow';

const ANSWER_INPUT_PREFIX = 'answer_';

/** Input id of each question's answer on the prompt card. */
export const answerInputOf = (questionId: string) => `${ANSWER_INPUT_PREFIX}${questionId}`;

/** The answers in an Action.Execute's data, by question id (inputs arrive beside the action's own data). */
export function readStandupAnswerInputs(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(data)
      .filter(([key, value]) => key.startsWith(ANSWER_INPUT_PREFIX) && typeof value === 'string')
      .map(([key, value]) => [key.slice(ANSWER_INPUT_PREFIX.length), value as string]),
  );
}

const DRAFT_ITEMS = 8;
const ANSWER_LENGTH = 3000;

/** The member's prompt: the draft it found, then every question as an input pre-filled, and Send. */
export function renderStandupPromptForTeams(view: StandupPromptView): AdaptiveCard {
  const { draft } = view;
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: view.reminder ? `Reminder: ${view.standupName}` : view.standupName,
      wrap: true,
      weight: 'Bolder',
      size: 'Medium',
      ...(view.reminder ? { color: 'Warning' as const } : {}),
    },
    {
      type: 'TextBlock',
      text: `${view.dateLabel} · answer ${view.deadlineLabel}`,
      wrap: true,
      isSubtle: true,
      spacing: 'None',
    },
  ];
  if (view.note)
    body.push({ type: 'TextBlock', text: view.note, wrap: true, weight: 'Bolder', color: 'Accent' });
  if (draft.done.length > 0)
    body.push(heading('Done since your last standup'), ...itemLinesOf(draft.done, DRAFT_ITEMS));
  if (draft.today.length > 0)
    body.push(heading('Candidates for today'), ...itemLinesOf(draft.today, DRAFT_ITEMS));
  if (draft.openBlockers.length > 0) {
    body.push(
      heading('Still blocked?'),
      ...itemLinesOf(
        draft.openBlockers.map((text) => ({ kind: 'issue-in-progress' as const, text })),
        DRAFT_ITEMS,
      ),
    );
  }
  const inputs: CardElement[] = view.questions.map((question) => {
    const id = answerInputOf(question.id);
    const value = view.prefill[question.id] ?? '';
    if (question.kind === 'choice') {
      return {
        type: 'Input.ChoiceSet',
        id,
        label: question.text,
        style: 'compact',
        choices: (question.choices ?? []).map((choice) => ({ title: choice, value: choice })),
        ...(value ? { value } : {}),
      };
    }
    return {
      type: 'Input.Text',
      id,
      label: question.text,
      isMultiline: true,
      maxLength: ANSWER_LENGTH,
      ...(value ? { value: clip(value, ANSWER_LENGTH) } : {}),
    };
  });
  body.push({ type: 'Container', separator: true, spacing: 'Medium', items: inputs });
  return adaptiveCard(
    view.reminder
      ? `Reminder: ${view.standupName} is waiting for your answer, ${view.deadlineLabel}.`
      : `${view.standupName} for ${view.dateLabel}: answer ${view.deadlineLabel}.`,
    body,
    [
      {
        type: 'Action.Execute',
        title: view.answered ? 'Save changes' : 'Send',
        verb: STANDUP_SUBMIT_VERB,
        data: { standupId: view.standupId, date: view.date },
        style: 'positive',
      },
      {
        type: 'Action.Execute',
        title: 'Answer for tomorrow',
        verb: STANDUP_TOMORROW_VERB,
        data: { standupId: view.standupId, date: view.date },
      },
    ],
  );
}
