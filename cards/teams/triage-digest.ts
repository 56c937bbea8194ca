import type { TriageDigestView } from '../../handlers/triage/notify-types.ts';
import { digestItemLine, pullLabel } from '../triage-text.ts';
import { adaptiveCard, clip, type AdaptiveCard, type CardElement } from './types.ts';

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** The team's triage digest card, updated in place: each PR still waiting, then those resolved since. */
export function renderTriageDigestForTeams(view: TriageDigestView): AdaptiveCard {
  const title = `PR triage · ${view.team} · ${view.date}`;
  const summary =
    view.open.length === 0
      ? `All ${plural(view.resolved.length, 'PR')} from this morning are resolved. Nothing is waiting.`
      : `${plural(view.open.length, 'PR')} ${view.open.length === 1 ? 'needs' : 'need'} someone${view.resolved.length > 0 ? `, ${view.resolved.length} resolved since this morning` : ''}.`;
  const body: CardElement[] = [
    { type: 'TextBlock', text: clip(title, 200), wrap: true, weight: 'Bolder', size: 'Medium' },
    {
      type: 'TextBlock',
      text: summary,
      wrap: true,
      ...(view.open.length === 0 ? { color: 'Good' as const } : {}),
    },
    ...view.open.map((item): CardElement => ({
      type: 'Container',
      separator: true,
      items: [
        {
          type: 'TextBlock',
          text: clip(`[${pullLabel(item)}](${item.url}) ${item.title}`, 400),
          wrap: true,
          weight: 'Bolder',
        },
        { type: 'TextBlock', text: digestItemLine(item), wrap: true, isSubtle: true, spacing: 'None' },
      ],
    })),
  ];
  if (view.resolved.length > 0) {
    body.push({
      type: 'TextBlock',
      text: clip(`Resolved: ${view.resolved.map(pullLabel).join(', ')}`, 2000),
      wrap: true,
      isSubtle: true,
      separator: true,
    });
  }
  return adaptiveCard(`${title}: ${summary}`, body);
}
