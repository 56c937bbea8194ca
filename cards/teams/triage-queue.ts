import {
  SIGNAL_LABELS,
  type TriageQueueItemView,
  type TriageQueueView,
} from '../../handlers/triage/queue-view.ts';
import { TRIAGE_ACTIONS, triageActionData } from '../../handlers/triage/triage-actions.ts';
import { triageFooter } from '../slack/triage-queue.ts';
import { adaptiveCard, clip, type AdaptiveCard, type CardAction, type CardElement } from './types.ts';

/** Teams caps a message at about 28 KB; ten items with their buttons stay far below it. */
export const TEAMS_TRIAGE_ITEMS = 10;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function itemActions(item: TriageQueueItemView, scopeArgs: string): CardAction[] {
  const execute = (verb: string, title: string, reviewer?: string): CardAction => ({
    type: 'Action.Execute',
    title,
    verb,
    data: triageActionData({
      repo: item.repo,
      number: item.number,
      scopeArgs,
      ...(reviewer ? { reviewer } : {}),
    }),
  });
  return [
    ...(item.suggested
      ? [
          execute(
            TRIAGE_ACTIONS.requestReview,
            `Request review from @${item.suggested.login}`,
            item.suggested.login,
          ),
        ]
      : []),
    ...(item.waitingOn.length > 0 ? [execute(TRIAGE_ACTIONS.nudge, 'Nudge')] : []),
    ...(item.takenBy ? [] : [execute(TRIAGE_ACTIONS.take, "I'm on it")]),
    // A card shows at most 5 actions in a row, so the two snoozes fold into one.
    {
      type: 'Action.ShowCard',
      title: 'Snooze',
      card: {
        type: 'AdaptiveCard',
        body: [],
        actions: [
          execute(TRIAGE_ACTIONS.snoozeDay, 'For 1 day'),
          execute(TRIAGE_ACTIONS.snoozeCommit, 'Until the next commit'),
        ],
      },
    },
    { type: 'Action.OpenUrl', title: 'Open in GitHub', url: item.url },
  ];
}

function itemContainer(item: TriageQueueItemView, scopeArgs: string): CardElement {
  const facts = [
    SIGNAL_LABELS[item.signal],
    plural(item.ageHours, 'working hour'),
    ...(item.waitingOn.length > 0
      ? [`waits on ${item.waitingOn.map((login) => `@${login}`).join(', ')}`]
      : []),
    ...(item.otherSignals.length > 0
      ? [`also ${item.otherSignals.map((kind) => SIGNAL_LABELS[kind].toLowerCase()).join(', ')}`]
      : []),
  ];
  return {
    type: 'Container',
    separator: true,
    items: [
      {
        type: 'TextBlock',
        text: clip(`${item.repo}#${item.number} ${item.title}`, 300),
        wrap: true,
        weight: 'Bolder',
      },
      { type: 'TextBlock', text: facts.join(' · '), wrap: true, spacing: 'None' },
      ...(item.suggested
        ? [
            {
              type: 'TextBlock' as const,
              text: clip(`Suggested reviewer @${item.suggested.login}: ${item.suggested.why}`, 500),
              wrap: true as const,
              isSubtle: true,
              spacing: 'None' as const,
            },
          ]
        : []),
      ...(item.takenBy
        ? [
            {
              type: 'TextBlock' as const,
              text: `${item.takenBy} is on it`,
              wrap: true as const,
              color: 'Good' as const,
            },
          ]
        : []),
      { type: 'ActionSet', actions: itemActions(item, scopeArgs) },
    ],
  };
}

/** `triage`: the same queue as in Slack, as one Adaptive Card with a button row per item. */
export function renderTriageQueueForTeams(view: TriageQueueView): AdaptiveCard {
  const title = `PR triage: ${view.scopeLabel}`;
  const body: CardElement[] = [
    { type: 'TextBlock', text: clip(title, 200), wrap: true, weight: 'Bolder', size: 'Medium' },
  ];
  if (view.note) body.push({ type: 'TextBlock', text: clip(view.note, 1000), wrap: true, color: 'Accent' });
  if (view.items.length === 0) {
    body.push({ type: 'TextBlock', text: `Nothing is waiting on anyone in ${view.scopeLabel}.`, wrap: true });
  }
  for (const item of view.items.slice(0, TEAMS_TRIAGE_ITEMS)) body.push(itemContainer(item, view.scopeArgs));
  if (view.items.length > TEAMS_TRIAGE_ITEMS) {
    body.push({
      type: 'TextBlock',
      text: `and ${view.items.length - TEAMS_TRIAGE_ITEMS} more: narrow it with "triage <team | owner/repo | me>"`,
      wrap: true,
      isSubtle: true,
    });
  }
  body.push({ type: 'TextBlock', text: triageFooter(view), wrap: true, isSubtle: true, separator: true });
  return adaptiveCard(`${title}: ${plural(view.items.length, 'pull request')} waiting`, body);
}
