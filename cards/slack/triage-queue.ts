import {
  SIGNAL_LABELS,
  type TriageQueueItemView,
  type TriageQueueView,
} from '../../handlers/triage/queue-view.ts';
import { encodeTriageAction, TRIAGE_ACTIONS } from '../../handlers/triage/triage-actions.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import type { Block, Button } from './types.ts';
import type { SlackMessage } from './types.ts';

/** Two blocks an item: 15 items, the header, the note and two context lines stay well under 50 blocks. */
export const SLACK_TRIAGE_ITEMS = 15;

const plural = (count: number, word: string, many = `${word}s`) => `${count} ${count === 1 ? word : many}`;
const logins = (names: readonly string[]) => names.map((name) => `@${name}`).join(', ');
/** A link's URL may not hold what ends Slack's `<url|text>`. */
const safeUrl = (url: string) => url.replace(/[<>|\s]/g, encodeURIComponent);

function itemText(item: TriageQueueItemView): string {
  const lines = [
    `*<${safeUrl(item.url)}|${escapeMrkdwn(`${item.repo}#${item.number}`)}>* ${escapeMrkdwn(item.title)}`,
    [
      `*${SIGNAL_LABELS[item.signal]}*`,
      `${plural(item.ageHours, 'working hour')}`,
      item.waitingOn.length > 0 ? `waits on ${escapeMrkdwn(logins(item.waitingOn))}` : undefined,
      item.otherSignals.length > 0
        ? `also ${item.otherSignals.map((kind) => SIGNAL_LABELS[kind].toLowerCase()).join(', ')}`
        : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
    item.suggested
      ? `Suggested reviewer *@${escapeMrkdwn(item.suggested.login)}*: ${escapeMrkdwn(item.suggested.why)}`
      : undefined,
    item.takenBy ? `_${escapeMrkdwn(item.takenBy)} is on it_` : undefined,
  ];
  return truncate(lines.filter(Boolean).join('\n'), SLACK_LIMITS.sectionText);
}

function itemButtons(item: TriageQueueItemView, scopeArgs: string): Button[] {
  const value = (reviewer?: string) =>
    encodeTriageAction({
      repo: item.repo,
      number: item.number,
      scopeArgs,
      ...(reviewer ? { reviewer } : {}),
    });
  const button = (action_id: string, text: string, reviewer?: string): Button => ({
    type: 'button',
    action_id,
    text: { type: 'plain_text', text: truncate(text, SLACK_LIMITS.buttonText), emoji: true },
    value: value(reviewer),
  });
  return [
    ...(item.suggested
      ? [
          {
            ...button(
              TRIAGE_ACTIONS.requestReview,
              `Request review from @${item.suggested.login}`,
              item.suggested.login,
            ),
            style: 'primary' as const,
          },
        ]
      : []),
    ...(item.waitingOn.length > 0 ? [button(TRIAGE_ACTIONS.nudge, 'Nudge')] : []),
    button(TRIAGE_ACTIONS.snoozeDay, 'Snooze 1 day'),
    button(TRIAGE_ACTIONS.snoozeCommit, 'Snooze until next commit'),
    ...(item.takenBy ? [] : [button(TRIAGE_ACTIONS.take, "I'm on it")]),
    {
      type: 'button',
      action_id: TRIAGE_ACTIONS.open,
      text: { type: 'plain_text', text: 'Open in GitHub', emoji: true },
      url: item.url,
    },
  ];
}

/** The line under the queue: the bot lane, drafts left out and the viewer's snoozes. */
export function triageFooter(view: TriageQueueView): string {
  const parts = [
    view.botLane.count > 0
      ? `Bot lane: ${plural(view.botLane.count, 'PR')} by bots in ${plural(view.botLane.repos, 'repository', 'repositories')}, summarised weekly`
      : 'Bot lane: empty',
    `${plural(view.draftsLeftOut, 'draft')} left out`,
    ...(view.snoozed > 0 ? [`${view.snoozed} snoozed by you`] : []),
  ];
  return parts.join(' · ');
}

/** `/triage`: each PR with its signal, working-hours age, who it waits on and the suggested reviewer, and its buttons. */
export function renderTriageQueueForSlack(view: TriageQueueView): SlackMessage {
  const title = `PR triage: ${view.scopeLabel}`;
  const blocks: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(title, SLACK_LIMITS.headerText), emoji: true },
    },
  ];
  if (view.note) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncate(escapeMrkdwn(view.note), SLACK_LIMITS.sectionText) }],
    });
  }
  if (view.items.length === 0) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `Nothing is waiting on anyone in ${escapeMrkdwn(view.scopeLabel)}.` },
    });
  }
  for (const item of view.items.slice(0, SLACK_TRIAGE_ITEMS)) {
    blocks.push(
      { type: 'section', text: { type: 'mrkdwn', text: itemText(item) } },
      {
        type: 'actions',
        block_id: truncate(`triage:${item.repo}#${item.number}`, SLACK_LIMITS.blockId),
        elements: itemButtons(item, view.scopeArgs),
      },
    );
  }
  if (view.items.length > SLACK_TRIAGE_ITEMS) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `and ${view.items.length - SLACK_TRIAGE_ITEMS} more: narrow it with \`/triage <team | owner/repo | me>\``,
        },
      ],
    });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(triageFooter(view)) }] });
  const text = `${title}: ${plural(view.items.length, 'pull request')} waiting${view.note ? `. ${view.note}` : ''}`;
  return { text: truncate(escapeMrkdwn(text), SLACK_LIMITS.fallbackText), blocks };
}
