import type { SprintHealthView, SprintViewSection } from '../../handlers/sprint/sprint-view.ts';
import { adaptiveCard, clip, type AdaptiveCard, type CardElement } from './types.ts';

const VERDICT_COLOR = { 'on-track': 'Good', 'at-risk': 'Warning', 'off-track': 'Attention' } as const;
const ITEM_TEXT_LIMIT = 300;

function sectionElements(section: SprintViewSection): CardElement[] {
  return [
    { type: 'TextBlock', text: section.title, wrap: true, weight: 'Bolder', spacing: 'Medium' },
    ...section.items.map((item): CardElement => ({
      type: 'TextBlock',
      text: clip(`${item.key} ${item.title}${item.detail ? ` · ${item.detail}` : ''}`, ITEM_TEXT_LIMIT),
      wrap: true,
      spacing: 'None',
    })),
    ...(section.more > 0
      ? [
          {
            type: 'TextBlock' as const,
            text: `and ${section.more} more`,
            wrap: true as const,
            isSubtle: true,
          },
        ]
      : []),
  ];
}

/**
 * `sprint`: the verdict with its worst reason, the figures, the burndown image (a data URL, when the edge drew
 * it), and Why?, which opens every reason and the items behind them inside the card.
 */
export function renderSprintHealthForTeams(view: SprintHealthView): AdaptiveCard {
  const why: CardElement[] = [
    ...view.reasons.map((reason): CardElement => ({
      type: 'TextBlock',
      text: `• ${reason}`,
      wrap: true,
      spacing: 'None',
    })),
    ...view.sections.flatMap(sectionElements),
    ...(view.basisNote
      ? [{ type: 'TextBlock' as const, text: view.basisNote, wrap: true as const, isSubtle: true }]
      : []),
  ];
  const body: CardElement[] = [
    { type: 'TextBlock', text: view.sprintName, wrap: true, weight: 'Bolder', size: 'Medium' },
    { type: 'TextBlock', text: view.dates, wrap: true, isSubtle: true, spacing: 'None' },
    {
      type: 'TextBlock',
      text: view.verdict.label,
      wrap: true,
      weight: 'Bolder',
      color: VERDICT_COLOR[view.verdict.level],
    },
    ...(view.reasons[0]
      ? [{ type: 'TextBlock' as const, text: view.reasons[0], wrap: true as const, spacing: 'None' as const }]
      : []),
    { type: 'FactSet', facts: view.facts },
    ...(view.goal
      ? [{ type: 'TextBlock' as const, text: `Goal: ${view.goal}`, wrap: true as const, isSubtle: true }]
      : []),
    ...(view.chartImage
      ? [{ type: 'Image' as const, url: view.chartImage.dataUrl, altText: view.chartImage.altText }]
      : []),
    ...(view.note
      ? [{ type: 'TextBlock' as const, text: view.note, wrap: true as const, isSubtle: true }]
      : []),
  ];
  return adaptiveCard(
    `${view.sprintName}: ${view.verdict.label}. ${view.reasons[0] ?? ''}`.trim(),
    view.expanded ? [...body, ...why] : body,
    view.expanded
      ? []
      : [{ type: 'Action.ShowCard', title: 'Why?', card: { type: 'AdaptiveCard', body: why, actions: [] } }],
  );
}
