import { DORA_ACTIONS, doraActionData } from '../../handlers/metrics/dora-actions.ts';
import type { DoraWhyView } from '../../handlers/metrics/dora-view.ts';
import { adaptiveCard, clip, type AdaptiveCard, type CardElement } from './types.ts';

/** What one card shows, so it stays well within Teams' ~28 KB: the rest is counted. */
const TEAMS_WHY = { facts: 10, sections: 5, lines: 10 } as const;

/** "Why this number?" in Teams: the basis as a fact set and lists, and a button back to the figures. */
export function renderDoraWhyForTeams(view: DoraWhyView): AdaptiveCard {
  const title = `Why: ${view.title} for ${view.scopeLabel}, ${view.rangeLabel}`;
  const body: CardElement[] = [
    { type: 'TextBlock', text: clip(title, 200), wrap: true, weight: 'Bolder', size: 'Medium' },
    { type: 'TextBlock', text: clip(view.summary, 1500), wrap: true },
  ];
  if (view.facts.length > 0) {
    body.push({
      type: 'FactSet',
      facts: view.facts
        .slice(0, TEAMS_WHY.facts)
        .map((fact) => ({ title: clip(fact.title, 100), value: clip(fact.value, 300) })),
    });
  }
  for (const section of view.sections.slice(0, TEAMS_WHY.sections)) {
    body.push({
      type: 'TextBlock',
      text: clip(section.title, 200),
      wrap: true,
      weight: 'Bolder',
      separator: true,
    });
    for (const line of section.lines.slice(0, TEAMS_WHY.lines)) {
      body.push({ type: 'TextBlock', text: clip(`• ${line}`, 200), wrap: true, spacing: 'None' });
    }
    const more = section.more + Math.max(0, section.lines.length - TEAMS_WHY.lines);
    if (more > 0) {
      body.push({ type: 'TextBlock', text: `and ${more} more`, wrap: true, isSubtle: true, spacing: 'None' });
    }
  }
  if (view.sections.length > TEAMS_WHY.sections) {
    const left = view.sections.length - TEAMS_WHY.sections;
    body.push({ type: 'TextBlock', text: `${left} more sections did not fit.`, wrap: true, isSubtle: true });
  }
  if (view.sections.length === 0) {
    body.push({
      type: 'TextBlock',
      text: 'No items behind this figure in the range.',
      wrap: true,
      isSubtle: true,
    });
  }
  return adaptiveCard(clip(`${title}. ${view.summary}`, 1000), body, [
    {
      type: 'Action.Execute',
      title: 'Back to the figures',
      verb: DORA_ACTIONS.show,
      data: doraActionData(view.action),
    },
  ]);
}
