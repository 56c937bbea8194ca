import type { StandupAnswerView } from '../../handlers/standup/types.ts';
import { adaptiveCard, clip, type AdaptiveCard, type CardElement } from './types.ts';

const ANSWER_TEXT = 1500;

/** One member's answer as a small card in the report's conversation. */
export function renderStandupAnswerForTeams(view: StandupAnswerView): AdaptiveCard {
  const notes = [view.late ? 'late' : undefined, view.edited ? 'edited' : undefined].filter(Boolean);
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: `${view.displayName}${notes.length > 0 ? ` · ${notes.join(' · ')}` : ''}`,
      wrap: true,
      weight: 'Bolder',
    },
    ...view.items.flatMap((item): CardElement[] => [
      {
        type: 'TextBlock',
        text: item.question,
        wrap: true,
        isSubtle: true,
        spacing: 'Small',
        ...(item.blockers ? { color: 'Warning' as const } : {}),
      },
      { type: 'TextBlock', text: clip(item.answer.trim() || '-', ANSWER_TEXT), wrap: true, spacing: 'None' },
    ]),
  ];
  return adaptiveCard(`${view.displayName} answered ${view.standupName}.`, body);
}
