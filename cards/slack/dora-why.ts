import { DORA_ACTIONS, encodeDoraAction } from '../../handlers/metrics/dora-actions.ts';
import type { DoraWhyView } from '../../handlers/metrics/dora-view.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import type { Block, SlackMessage } from './types.ts';

/** Lines of a section, as many whole ones as fit Slack's 3,000 characters, then how many more there are. */
export function fitLines(lines: string[], more: number, max: number): string {
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    const next = `• ${escapeMrkdwn(line)}`;
    if (length + next.length + 40 > max) break;
    kept.push(next);
    length += next.length + 1;
  }
  const left = lines.length - kept.length + more;
  return [...kept, ...(left > 0 ? [`_and ${left} more_`] : [])].join('\n');
}

/** "Why this number?": the figure's basis, the items behind it, and a button back to the figures. */
export function renderDoraWhyForSlack(view: DoraWhyView): SlackMessage {
  const title = `Why: ${view.title} for ${view.scopeLabel}, ${view.rangeLabel}`;
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(title, SLACK_LIMITS.headerText) } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(escapeMrkdwn(view.summary), SLACK_LIMITS.sectionText) },
    },
  ];
  if (view.facts.length > 0) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*${escapeMrkdwn(view.title)}*` },
      fields: view.facts.slice(0, SLACK_LIMITS.sectionFields).map((fact) => ({
        type: 'mrkdwn' as const,
        text: truncate(`*${escapeMrkdwn(fact.title)}*\n${escapeMrkdwn(fact.value)}`, SLACK_LIMITS.fieldText),
      })),
    });
  }
  // Room for every section up to Slack's 50 blocks, the back button kept last.
  const room = SLACK_LIMITS.blocksPerMessage - blocks.length - 2;
  const shown = view.sections.slice(0, room);
  for (const section of shown) {
    const header = `*${escapeMrkdwn(section.title)}*\n`;
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: header + fitLines(section.lines, section.more, SLACK_LIMITS.sectionText - header.length),
      },
    });
  }
  if (view.sections.length === 0 || shown.length < view.sections.length) {
    const left = view.sections.length - shown.length;
    const text =
      left > 0 ? `${left} more sections did not fit.` : 'No items behind this figure in the range.';
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
  }
  blocks.push({
    type: 'actions',
    block_id: 'dora:back',
    elements: [
      {
        type: 'button',
        action_id: DORA_ACTIONS.show,
        text: { type: 'plain_text', text: 'Back to the figures' },
        value: encodeDoraAction(view.action),
      },
    ],
  });
  return { text: truncate(escapeMrkdwn(`${title}. ${view.summary}`), SLACK_LIMITS.fallbackText), blocks };
}
