import { AGING_TITLE, flowSubtitle, flowTitle, trendText } from '../flow-text.ts';
import { FLOW_WHY_ACTION, type FlowView, type FlowWhyView } from '../../handlers/flow/flow-view.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import type { Block, SlackMessage } from './types.ts';

/** `/flow`: one section per figure with its value, trend and basis, and a "Why?" button that asks for its items. */
export function renderFlowForSlack(view: FlowView): SlackMessage {
  const blocks: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(flowTitle(view), SLACK_LIMITS.headerText), emoji: true },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(flowSubtitle(view)) }] },
  ];
  for (const figure of view.figures) {
    const trend = trendText(figure);
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(
          `*${escapeMrkdwn(figure.label)}*: ${escapeMrkdwn(figure.value)}${trend ? `  ${escapeMrkdwn(trend)}` : ''}\n_${escapeMrkdwn(figure.detail)}_`,
          SLACK_LIMITS.sectionText,
        ),
      },
      accessory: {
        type: 'button',
        // Unique within the message: Slack refuses two elements with the same action id.
        action_id: `${FLOW_WHY_ACTION}:${figure.id}`,
        text: { type: 'plain_text', text: 'Why?', emoji: true },
        value: truncate(figure.why, SLACK_LIMITS.buttonValue),
      },
    });
  }
  if (view.aging.length > 0) {
    const lines = view.aging.map(
      (item) =>
        `• ${escapeMrkdwn(item.ref)} (${escapeMrkdwn(item.type)}): ${escapeMrkdwn(item.age)}, past ${item.passed}`,
    );
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(`*${AGING_TITLE}*\n${lines.join('\n')}`, SLACK_LIMITS.sectionText),
      },
    });
  }
  if (view.notes.length > 0) {
    blocks.push({
      type: 'context',
      elements: view.notes.slice(0, SLACK_LIMITS.contextElements).map((note) => ({
        type: 'mrkdwn' as const,
        text: truncate(escapeMrkdwn(note), SLACK_LIMITS.fieldText),
      })),
    });
  }
  const summary = view.figures.map((figure) => `${figure.label} ${figure.value}`).join(', ');
  return { text: escapeMrkdwn(`${flowTitle(view)}: ${summary}`), blocks };
}

/** "Why this number?": how the figure is computed and the PRs or issues behind it, largest first. */
export function renderFlowWhyForSlack(view: FlowWhyView): SlackMessage {
  const title = `Why: ${view.figure} ${view.value}`;
  const lines = view.items.map((item) => `• ${escapeMrkdwn(item.ref)}: ${escapeMrkdwn(item.value)}`);
  const blocks: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(title, SLACK_LIMITS.headerText), emoji: true },
    },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: escapeMrkdwn(`${view.scopeLabel} · ${view.rangeLabel}`) }],
    },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(escapeMrkdwn(view.basis), SLACK_LIMITS.sectionText) },
    },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(
          lines.length > 0 ? lines.join('\n') : 'Nothing behind this figure in the range.',
          SLACK_LIMITS.sectionText,
        ),
      },
    },
  ];
  if (view.more > 0)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `and ${view.more} more` }] });
  return { text: escapeMrkdwn(`${title}. ${view.basis}`), blocks };
}
