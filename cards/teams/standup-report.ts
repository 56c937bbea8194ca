import type { StandupReportView } from '../../handlers/standup/types.ts';
import { heading, itemLinesOf, namesOf } from './standup-text.ts';
import { adaptiveCard, clip, type AdaptiveCard, type CardElement } from './types.ts';

const NAMES = 25;
const SHIPPED = 10;

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** The report card in the team's conversation: summary, counts, who answered / waits / is away, shipped. */
export function renderStandupReportForTeams(view: StandupReportView): AdaptiveCard {
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: `${view.standupName} · ${view.dateLabel}`,
      wrap: true,
      weight: 'Bolder',
      size: 'Medium',
    },
    { type: 'TextBlock', text: clip(view.summary || '-', 1000), wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: 'Answered', value: String(view.answered.length) },
        { title: 'Waiting', value: String(view.waiting.length) },
        { title: 'Away', value: String(view.away.length) },
        { title: 'Blockers', value: String(view.blockers) },
      ],
    },
  ];
  const lists: [string, string[]][] = [
    ['Answered', view.answered.map((member) => member.displayName)],
    ['Waiting', view.waiting.map((member) => member.displayName)],
    ['Away', view.away.map((member) => `${member.displayName} (${member.label})`)],
  ];
  for (const [title, names] of lists) {
    if (names.length === 0) continue;
    body.push({
      type: 'TextBlock',
      text: `${title}: ${namesOf(names, NAMES)}`,
      wrap: true,
      isSubtle: true,
      spacing: 'Small',
    });
  }
  if (view.shipped.length > 0) body.push(heading('Shipped'), ...itemLinesOf(view.shipped, SHIPPED));
  body.push({
    type: 'TextBlock',
    text: view.complete ? 'Everyone answered or is away.' : 'This card updates as answers arrive.',
    wrap: true,
    isSubtle: true,
    separator: true,
  });
  return adaptiveCard(
    `${view.standupName} (${view.dateLabel}): ${view.answered.length} answered, ${view.waiting.length} waiting, ${view.away.length} away, ${plural(view.blockers, 'blocker')}.`,
    body,
  );
}
