import type { StandupListView } from '../../handlers/standup/types.ts';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './types.ts';

const ITEMS = 20;

/** `standup list`: each standup with its members and schedule, and the commands that manage it. */
export function renderStandupListForTeams(view: StandupListView): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: 'Standups', wrap: true, weight: 'Bolder', size: 'Medium' },
  ];
  if (view.items.length === 0) {
    body.push({ type: 'TextBlock', text: 'No standups yet. Send "standup" to set one up.', wrap: true });
    return adaptiveCard('No standups yet. Send "standup" to set one up.', body);
  }
  for (const item of view.items.slice(0, ITEMS)) {
    body.push({
      type: 'Container',
      separator: true,
      items: [
        {
          type: 'TextBlock',
          text: `${item.name}${item.paused ? ' (paused)' : ''}`,
          wrap: true,
          weight: 'Bolder',
        },
        {
          type: 'TextBlock',
          text: `${item.id} · ${item.members} member${item.members === 1 ? '' : 's'} · ${item.schedule}`,
          wrap: true,
          isSubtle: true,
          spacing: 'None',
        },
      ],
    });
  }
  if (view.items.length > ITEMS) {
    body.push({
      type: 'TextBlock',
      text: `and ${view.items.length - ITEMS} more`,
      wrap: true,
      isSubtle: true,
    });
  }
  body.push({
    type: 'TextBlock',
    text: 'standup edit | pause | resume | delete | stats <name or id>',
    wrap: true,
    isSubtle: true,
    fontType: 'Monospace',
    separator: true,
  });
  return adaptiveCard(`Standups: ${view.items.map((item) => item.name).join(', ')}`, body);
}
