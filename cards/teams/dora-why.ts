import { DORA_ACTIONS, doraActionData } from '../../handlers/metrics/dora-actions.ts';
import type { DoraWhyView } from '../../handlers/metrics/dora-view.ts';
import { adaptiveCard, clip, type AdaptiveCard, type CardElement } from './types.ts';

/** "Why this number?" in Teams: the basis as a fact set and lists, and a button back to the figures. */
export function renderDoraWhyForTeams(view: DoraWhyView): AdaptiveCard {
  const title = `Why: ${view.title} for ${view.scopeLabel}, ${view.rangeLabel}`;
  const body: CardElement[] = [
    { type: 'TextBlock', text: clip(title, 200), wrap: true, weight: 'Bolder', size: 'Medium' },
    { type: 'TextBlock', text: clip(view.summary, 1000), wrap: true },
  ];
  if (view.facts.length > 0) {
    body.push({
      type: 'FactSet',
      facts: view.facts.map((fact) => ({ title: clip(fact.title, 100), value: clip(fact.value, 500) })),
    });
  }
  for (const section of view.sections) {
    body.push({ type: 'TextBlock', text: clip(section.title, 200), wrap: true, weight: 'Bolder', separator: true });
    for (const line of section.lines) {
      body.push({ type: 'TextBlock', text: clip(`• ${line}`, 500), wrap: true, spacing: 'None' });
    }
    if (section.more > 0) {
      body.push({ type: 'TextBlock', text: `and ${section.more} more`, wrap: true, isSubtle: true, spacing: 'None' });
    }
  }
  if (view.sections.length === 0) {
    body.push({ type: 'TextBlock', text: 'No items behind this figure in the range.', wrap: true, isSubtle: true });
  }
  return adaptiveCard(`${title}. ${view.summary}`, body, [
    { type: 'Action.Execute', title: 'Back to the figures', verb: DORA_ACTIONS.show, data: doraActionData(view.action) },
  ]);
}
