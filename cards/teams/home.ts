import type { HomePull, HomeStandup, HomeView } from '../../handlers/home/types.ts';
import type { ApprovalSummary } from '../../handlers/types.ts';
import { APPROVAL_VERBS, formatWhen } from './approval.ts';
import { adaptiveCard, clip, type AdaptiveCard, type CardElement } from './types.ts';

/** The home card's verbs: Teams' own `refresh` (each viewer's fresh card) and a standup's Answer. */
export const HOME_VERBS = {
  refresh: 'home.refresh',
  /** Opens the answer form for `{ standupId, date }` in place of the home card (bot/teams/routes/standup-answer.ts). */
  answerStandup: 'standupOpen',
} as const;

/** Items per list; the rest are counted. A card stays well under Teams' 28 KB. */
const LIST_ITEMS = 10;
const TEXT_LIMIT = 300;

const text = (value: string, extra: Partial<Extract<CardElement, { type: 'TextBlock' }>> = {}) =>
  ({ type: 'TextBlock', text: value, wrap: true, ...extra }) as CardElement;

const subtle = (value: string) => text(value, { isSubtle: true, spacing: 'None' });

const logins = (names: readonly string[]) => names.map((name) => `@${name}`).join(', ');

function pullElements(pull: HomePull, mine: boolean): CardElement[] {
  const label = clip(`${pull.repo}#${pull.number} ${pull.title}`, TEXT_LIMIT).replace(/[[\]]/g, '');
  const age = pull.ageHours !== undefined ? `, ${pull.ageHours} working h` : '';
  const who = mine
    ? pull.waitingOn.length > 0
      ? `waiting on ${logins(pull.waitingOn)}`
      : 'nobody asked yet'
    : `by @${pull.author}`;
  return [
    text(pull.url ? `[${label}](${pull.url})` : label, { spacing: 'Small' }),
    subtle(clip(`${who} (${pull.reason}${age})`, TEXT_LIMIT)),
  ];
}

function listContainer(title: string, items: CardElement[][], empty: string): CardElement {
  const shown = items.slice(0, LIST_ITEMS);
  const more = items.length - shown.length;
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      text(items.length > 0 ? `${title} (${items.length})` : title, { weight: 'Bolder' }),
      ...(items.length === 0 ? [subtle(empty)] : shown.flat()),
      ...(more > 0 ? [subtle(`…and ${more} more.`)] : []),
    ],
  };
}

function standupElements(standup: HomeStandup): CardElement[] {
  if (standup.status === 'no-standup') return [text(`${standup.name}: no standup for you today.`)];
  const due = standup.deadlineAt ? `, due ${formatWhen(standup.deadlineAt)}` : '';
  return [
    text(
      standup.status === 'answered'
        ? `✅ ${standup.name}: answered today.`
        : `⏳ ${standup.name}: not answered yet${due}.`,
    ),
    {
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.Execute',
          title: standup.status === 'answered' ? 'Edit answer' : 'Answer',
          verb: HOME_VERBS.answerStandup,
          data: { standupId: standup.standupId, date: standup.date },
          ...(standup.status === 'waiting' ? { style: 'positive' as const } : {}),
        },
      ],
    },
  ];
}

function approvalElements(approval: ApprovalSummary, decidable: boolean): CardElement[] {
  return [
    text(clip(`${approval.actionType} on ${approval.targetRef}`, TEXT_LIMIT), { spacing: 'Small' }),
    subtle(`${approval.risk} risk, asked by ${approval.requester}${decidable ? ': you may decide' : ''}.`),
    {
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.Execute',
          title: 'Open',
          verb: APPROVAL_VERBS.open,
          // `from: home` makes Open answer with this home card again instead of the approvals list.
          data: { approvalId: approval.id, from: 'home' },
        },
      ],
    },
  ];
}

/**
 * The personal home card (`home`, and when the app is installed): the same sections as Slack's App Home.
 * Its `refresh` asks Teams to fetch a fresh card from the bot whenever the person looks at it.
 */
export function renderHomeForTeams(view: HomeView): AdaptiveCard {
  const linkHint = 'Link your GitHub account (link github <login>) to see your pull requests.';
  const approvals = [...view.approvals.views].sort((a, b) => Number(b.decidable) - Number(a.decidable));
  const body: CardElement[] = [
    text('Your home', { weight: 'Bolder', size: 'Medium' }),
    ...(view.note ? [text(clip(view.note, TEXT_LIMIT), { color: 'Accent' })] : []),
    listContainer(
      'Your PRs waiting on others',
      view.waitingOnOthers.map((pull) => pullElements(pull, true)),
      view.linked ? 'None of your open PRs is waiting on anyone.' : linkHint,
    ),
    listContainer(
      'Waiting on you',
      view.waitingOnMe.map((pull) => pullElements(pull, false)),
      view.linked ? 'No pull request is waiting on you.' : linkHint,
    ),
    listContainer('Standup', view.standups.slice(0, 5).map(standupElements), 'You are not in any standup.'),
    listContainer(
      'Approvals pending',
      approvals.map((item) => approvalElements(item.approval, item.decidable)),
      'Nothing is waiting for a decision.',
    ),
    ...(view.approvals.more > 0 ? [subtle(`…and ${view.approvals.more} more approvals pending.`)] : []),
    listContainer(
      'Open blockers in your standups',
      view.blockers.map((blocker) => [
        text(clip(blocker.text, TEXT_LIMIT), { spacing: 'Small' }),
        subtle(`${blocker.memberName}, ${blocker.standupName}, since ${formatWhen(blocker.openedAt)}`),
      ]),
      'Nobody in your standups is blocked.',
    ),
    subtle(`Updated ${formatWhen(view.builtAt)}.`),
  ];
  const fallback = `Your home: ${view.waitingOnMe.length} PRs waiting on you, ${view.waitingOnOthers.length} of yours waiting on others.`;
  return {
    ...adaptiveCard(fallback, body),
    // No userIds: in a personal chat (the person and the bot) Teams refreshes it for its one viewer.
    refresh: {
      action: { type: 'Action.Execute', title: 'Refresh', verb: HOME_VERBS.refresh, data: {} },
    },
  };
}
