import { AGING_TITLE, flowSubtitle, flowTitle, trendText } from '../flow-text.ts';
import type { FlowView, FlowWhyView } from '../../handlers/flow/flow-view.ts';
import { adaptiveCard, clip, type AdaptiveCard, type CardElement } from './types.ts';

const TEXT_MAX = 2000;

/**
 * `flow`: a container per figure with its value, trend and basis, and a "Why?" button that sends `flow why …`;
 * then the aging-WIP chart (a data URL, when the edge drew it) and the aging items.
 */
export function renderFlowForTeams(view: FlowView): AdaptiveCard {
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: clip(flowTitle(view), TEXT_MAX),
      wrap: true,
      weight: 'Bolder',
      size: 'Medium',
    },
    { type: 'TextBlock', text: flowSubtitle(view), wrap: true, isSubtle: true, spacing: 'None' },
  ];
  for (const figure of view.figures) {
    const trend = trendText(figure);
    body.push({
      type: 'Container',
      separator: true,
      items: [
        {
          type: 'TextBlock',
          text: clip(`${figure.label}: ${figure.value}${trend ? `  ${trend}` : ''}`, TEXT_MAX),
          wrap: true,
          weight: 'Bolder',
        },
        {
          type: 'TextBlock',
          text: clip(figure.detail, TEXT_MAX),
          wrap: true,
          isSubtle: true,
          spacing: 'None',
        },
        {
          type: 'ActionSet',
          actions: [
            {
              type: 'Action.Submit',
              title: 'Why?',
              data: { msteams: { type: 'imBack', value: figure.why } },
            },
          ],
        },
      ],
    });
  }
  if (view.chartImage) {
    body.push({ type: 'Image', url: view.chartImage.dataUrl, altText: clip(view.chartImage.altText, 1000) });
  }
  if (view.aging.length > 0) {
    body.push({
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: AGING_TITLE, wrap: true, weight: 'Bolder' },
        {
          type: 'FactSet',
          facts: view.aging.map((item) => ({
            title: clip(item.ref, 200),
            value: `${item.type}: ${item.age}, past ${item.passed}`,
          })),
        },
      ],
    });
  }
  for (const note of view.notes)
    body.push({ type: 'TextBlock', text: clip(note, TEXT_MAX), wrap: true, isSubtle: true });
  const summary = view.figures.map((figure) => `${figure.label} ${figure.value}`).join(', ');
  return adaptiveCard(`${flowTitle(view)}: ${summary}`, body);
}

/** "Why this number?" in Teams: the basis, then the items behind the figure. */
export function renderFlowWhyForTeams(view: FlowWhyView): AdaptiveCard {
  const title = `Why: ${view.figure} ${view.value}`;
  const body: CardElement[] = [
    { type: 'TextBlock', text: clip(title, TEXT_MAX), wrap: true, weight: 'Bolder', size: 'Medium' },
    {
      type: 'TextBlock',
      text: `${view.scopeLabel} · ${view.rangeLabel}`,
      wrap: true,
      isSubtle: true,
      spacing: 'None',
    },
    { type: 'TextBlock', text: clip(view.basis, TEXT_MAX), wrap: true },
    view.items.length > 0
      ? {
          type: 'FactSet',
          facts: view.items.map((item) => ({ title: clip(item.ref, 200), value: clip(item.value, 500) })),
        }
      : { type: 'TextBlock', text: 'Nothing behind this figure in the range.', wrap: true },
  ];
  if (view.more > 0)
    body.push({ type: 'TextBlock', text: `and ${view.more} more`, wrap: true, isSubtle: true });
  return adaptiveCard(`${title}. ${view.basis}`, body);
}
