import type { TeamItem, TeamView } from '../../handlers/team/types.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import { linkTo } from './slack-text.ts';
import type { Block, SlackMessage } from './types.ts';

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function itemLine(item: TeamItem): string {
  const title = item.url ? linkTo(item.url, item.title) : escapeMrkdwn(item.title);
  return `• ${title}\n    ${escapeMrkdwn(item.detail)}`;
}

/** A titled list, or nothing when the list is empty (an empty section is noise). */
function listSection(title: string, items: TeamItem[]): Block[] {
  if (items.length === 0) return [];
  return [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(`*${title}*\n${items.map(itemLine).join('\n')}`, SLACK_LIMITS.sectionText),
      },
    },
  ];
}

/** `/em team`: counts, the sprint, then only the lists that have something in them. */
export function renderTeamForSlack(view: TeamView): SlackMessage {
  const { counts } = view;
  const countLine = `${counts.people} people · ${counts.repositories} repos · ${counts.openPullRequests} open pull requests · ${counts.mergedThisWeek} merged this week`;
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Your team at a glance', emoji: true } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: countLine }] },
  ];
  if (view.emptyHint) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(view.emptyHint) } });
  }
  if (view.sprint) {
    const goal = view.sprint.goal ? `\n_${escapeMrkdwn(view.sprint.goal)}_` : '';
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(
          `:runner: *${escapeMrkdwn(view.sprint.name)}*: ${escapeMrkdwn(view.sprint.progress)}${goal}`,
          SLACK_LIMITS.sectionText,
        ),
      },
    });
    blocks.push(...listSection(':no_entry: Blocked', view.sprint.blocked));
  }
  blocks.push(
    ...listSection(':hourglass: Stale pull requests', view.stalePullRequests),
    ...listSection(':rotating_light: Incidents', view.incidents),
    ...listSection(':x: Failed deployments', view.failedDeployments),
  );
  const summary = [
    countLine,
    view.sprint ? `${view.sprint.name}: ${view.sprint.progress}` : undefined,
    [
      plural(view.stalePullRequests.length, 'stale pull request'),
      plural(view.incidents.length, 'incident'),
      plural(view.failedDeployments.length, 'failed deployment'),
    ].join(', '),
  ]
    .filter(Boolean)
    .join('. ');
  return {
    text: truncate(escapeMrkdwn(`Your team at a glance: ${summary}.`), SLACK_LIMITS.fallbackText),
    blocks,
  };
}
