import { SPRINT_WHY_ACTION } from '../../handlers/sprint/sprint-actions.ts';
import type { SprintHealthView, SprintViewSection } from '../../handlers/sprint/sprint-view.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import type { Block } from './types.ts';
import type { SlackMessage } from './types.ts';

const VERDICT_EMOJI = {
  'on-track': ':large_green_circle:',
  'at-risk': ':large_yellow_circle:',
  'off-track': ':red_circle:',
} as const;

function sectionBlock(section: SprintViewSection): Block {
  const lines = section.items.map(
    (item) =>
      `• *${escapeMrkdwn(item.key)}* ${escapeMrkdwn(item.title)}${item.detail ? ` · ${escapeMrkdwn(item.detail)}` : ''}`,
  );
  if (section.more > 0) lines.push(`_and ${section.more} more_`);
  return {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: truncate(`*${escapeMrkdwn(section.title)}*\n${lines.join('\n')}`, SLACK_LIMITS.sectionText),
    },
  };
}

/**
 * `/sprint-health`: the verdict and its worst reason, the figures as fields, and a Why button that answers with
 * every reason and the items behind them. The burndown follows as a file in the asker's DM (files.uploadV2,
 * docs/charts.md), drawn from `view.burndown`.
 */
export function renderSprintHealthForSlack(view: SprintHealthView): SlackMessage {
  const emoji = VERDICT_EMOJI[view.verdict.level];
  const reasons = view.expanded ? view.reasons : view.reasons.slice(0, 1);
  const blocks: Block[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: truncate(`${view.sprintName}: ${view.verdict.label}`, SLACK_LIMITS.headerText),
        emoji: true,
      },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(view.dates) }] },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(
          `${emoji} *${view.verdict.label}*\n${reasons.map((reason) => `• ${escapeMrkdwn(reason)}`).join('\n')}`,
          SLACK_LIMITS.sectionText,
        ),
      },
      fields: view.facts.slice(0, SLACK_LIMITS.sectionFields).map((fact) => ({
        type: 'mrkdwn' as const,
        text: `*${escapeMrkdwn(fact.title)}*\n${escapeMrkdwn(fact.value)}`,
      })),
    },
  ];
  if (view.goal)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `Goal: _${escapeMrkdwn(view.goal)}_` }],
    });
  if (view.expanded) {
    blocks.push({ type: 'divider' }, ...view.sections.map(sectionBlock));
    if (view.basisNote)
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(view.basisNote) }] });
  } else {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: SPRINT_WHY_ACTION,
          text: { type: 'plain_text', text: 'Why?', emoji: true },
          value: view.whyCommand,
        },
      ],
    });
  }
  if (view.note)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(view.note) }] });
  return {
    text: truncate(
      escapeMrkdwn(`${view.sprintName}: ${view.verdict.label}. ${view.reasons[0] ?? ''}`.trim()),
      SLACK_LIMITS.fallbackText,
    ),
    blocks,
  };
}
