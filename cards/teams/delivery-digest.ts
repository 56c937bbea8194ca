import type { DeliveryDigestView } from '../../handlers/delivery-digest/types.ts';
import { digestHeadline } from '../delivery-digest-text.ts';
import { adaptiveCard, clip, type AdaptiveCard, type CardElement } from './types.ts';

const COLOR = { true: { color: 'Good' }, false: { color: 'Warning' }, null: {} } as const;

/** The team's weekly delivery digest card: a line per notable change with why it matters, then the cautions. */
export function renderDeliveryDigestForTeams(view: DeliveryDigestView): AdaptiveCard {
  const { title, summary } = digestHeadline(view);
  const body: CardElement[] = [
    { type: 'TextBlock', text: clip(title, 200), wrap: true, weight: 'Bolder', size: 'Medium' },
    { type: 'TextBlock', text: summary, wrap: true },
    ...view.changes.map((change): CardElement => ({
      type: 'Container',
      separator: true,
      items: [
        {
          type: 'TextBlock',
          text: clip(change.text, 400),
          wrap: true,
          weight: 'Bolder',
          ...COLOR[`${change.better}`],
        },
        { type: 'TextBlock', text: clip(change.why, 400), wrap: true, isSubtle: true, spacing: 'None' },
      ],
    })),
    ...view.notes.map((note): CardElement => ({
      type: 'TextBlock',
      text: clip(note, 1000),
      wrap: true,
      isSubtle: true,
      size: 'Small',
    })),
  ];
  return adaptiveCard(`${title}: ${summary}`, body);
}
