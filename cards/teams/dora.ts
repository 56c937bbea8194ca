import { DORA_ACTIONS, doraActionData } from '../../handlers/metrics/dora-actions.ts';
import type { DoraView } from '../../handlers/metrics/dora-view.ts';
import { coverageLine, doraTitle, figureLines } from '../slack/dora.ts';
import { adaptiveCard, clip, type AdaptiveCard, type CardElement } from './types.ts';

/** `dora`: the same figures as in Slack, one container each with its "Why?" button; the charts follow. */
export function renderDoraForTeams(view: DoraView): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: clip(doraTitle(view), 200), wrap: true, weight: 'Bolder', size: 'Medium' },
    {
      type: 'TextBlock',
      text: `${view.from} to ${view.to} (UTC) · DORA's five keys, team-level only`,
      wrap: true,
      isSubtle: true,
      spacing: 'None',
    },
  ];
  for (const caution of view.cautions) {
    body.push({ type: 'TextBlock', text: clip(caution, 1000), wrap: true, color: 'Warning' });
  }
  for (const figure of view.figures) {
    body.push({
      type: 'Container',
      separator: true,
      items: [
        {
          type: 'TextBlock',
          text: clip(`${figure.label}: ${figure.value}`, 300),
          wrap: true,
          weight: 'Bolder',
        },
        ...figureLines(figure).map((line): CardElement => ({
          type: 'TextBlock',
          text: clip(line, 500),
          wrap: true,
          spacing: 'None',
        })),
        {
          type: 'ActionSet',
          actions: [
            {
              type: 'Action.Execute',
              title: 'Why this number?',
              verb: DORA_ACTIONS.why,
              data: doraActionData({ ...view.action, figure: figure.figure }),
            },
          ],
        },
      ],
    });
  }
  body.push({
    type: 'TextBlock',
    text: clip(coverageLine(view), 1000),
    wrap: true,
    isSubtle: true,
    separator: true,
  });
  const summary = view.figures.map((figure) => `${figure.label} ${figure.value}`).join('; ');
  return adaptiveCard(`${doraTitle(view)}: ${summary}`, body);
}
