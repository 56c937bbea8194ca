import type { TeamItem, TeamView } from '../../handlers/team/types.ts';
import { adaptiveCard, clip, type AdaptiveCard, type CardElement } from './types.ts';

const ITEM_TEXT_LIMIT = 300;

function itemElements(item: TeamItem): CardElement[] {
  // TextBlock markdown links keep each title clickable without one button per item.
  const title = clip(item.title, ITEM_TEXT_LIMIT).replace(/[[\]]/g, '');
  return [
    { type: 'TextBlock', text: item.url ? `[${title}](${item.url})` : title, wrap: true, spacing: 'Small' },
    {
      type: 'TextBlock',
      text: clip(item.detail, ITEM_TEXT_LIMIT),
      wrap: true,
      isSubtle: true,
      spacing: 'None',
    },
  ];
}

function listContainer(title: string, items: TeamItem[]): CardElement[] {
  if (items.length === 0) return [];
  return [
    {
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: title, wrap: true, weight: 'Bolder' },
        ...items.flatMap(itemElements),
      ],
    },
  ];
}

/** `team`: counts as facts, the sprint, then only the lists that have something in them. */
export function renderTeamForTeams(view: TeamView): AdaptiveCard {
  const { counts } = view;
  const body: CardElement[] = [
    { type: 'TextBlock', text: 'Your team at a glance', wrap: true, weight: 'Bolder', size: 'Medium' },
    {
      type: 'FactSet',
      facts: [
        { title: 'People', value: String(counts.people) },
        { title: 'Repositories', value: String(counts.repositories) },
        { title: 'Open pull requests', value: String(counts.openPullRequests) },
        { title: 'Merged this week', value: String(counts.mergedThisWeek) },
      ],
    },
  ];
  if (view.emptyHint) body.push({ type: 'TextBlock', text: view.emptyHint, wrap: true });
  if (view.sprint) {
    body.push({
      type: 'Container',
      separator: true,
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: view.sprint.name, wrap: true, weight: 'Bolder' },
        { type: 'TextBlock', text: view.sprint.progress, wrap: true, spacing: 'None' },
        ...(view.sprint.goal
          ? [{ type: 'TextBlock' as const, text: view.sprint.goal, wrap: true as const, isSubtle: true }]
          : []),
      ],
    });
    body.push(...listContainer('Blocked', view.sprint.blocked));
  }
  body.push(
    ...listContainer('Stale pull requests', view.stalePullRequests),
    ...listContainer('Incidents', view.incidents),
    ...listContainer('Failed deployments', view.failedDeployments),
  );
  return adaptiveCard(
    `Your team at a glance: ${counts.people} people, ${counts.openPullRequests} open pull requests, ${view.incidents.length} incidents.`,
    body,
  );
}
