import { encodeDoraAction, DORA_ACTIONS } from '../../handlers/metrics/dora-actions.ts';
import type { DoraFigureView, DoraView } from '../../handlers/metrics/dora-view.ts';
import { formatCoverage } from '../../handlers/metrics/format-figure.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import type { Block, SlackMessage } from './types.ts';

const TREND_MARK = { true: '▲ better', false: '▼ worse', null: '' } as const;

/** The words under a figure: its detail, its band and the step to the next one, its trend. */
export function figureLines(figure: DoraFigureView): string[] {
  return [
    figure.detail,
    ...(figure.band
      ? [
          `DORA ${figure.band.year}: ${figure.band.band} (${figure.band.published})${figure.band.next ? ` · ${figure.band.next}` : ''}`,
        ]
      : []),
    ...(figure.trend
      ? [
          `${figure.trend.text}${figure.trend.better === null ? '' : ` (${TREND_MARK[`${figure.trend.better}`]})`}`,
        ]
      : []),
  ];
}

/** The trust under the figures: coverage, and what the history horizon left out. */
export function coverageLine(view: DoraView): string {
  const { pullRequests, incidents } = view.coverage;
  const left = view.leftOut;
  return [
    `Coverage: ${formatCoverage(pullRequests, 'merged PRs', 'linked to a deployment')}`,
    formatCoverage(incidents, 'incidents', 'attributed'),
    `Left out of lead time: ${left.beforeFirstDeployment} merged before the first deployment seen, ${left.beforeCommitCutoff} before the commit cutoff`,
  ].join(' · ');
}

export const doraTitle = (view: { scopeLabel: string; rangeLabel: string }) =>
  `Delivery: ${view.scopeLabel}, ${view.rangeLabel}`;

/** `/dora`: one section per figure with its "Why?" button, then coverage; the charts follow as files. */
export function renderDoraForSlack(view: DoraView): SlackMessage {
  const blocks: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(doraTitle(view), SLACK_LIMITS.headerText) },
    },
    {
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: `${view.from} to ${view.to} (UTC) · DORA's five keys, team-level only` },
      ],
    },
  ];
  for (const caution of view.cautions) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(`:warning: ${escapeMrkdwn(caution)}`, SLACK_LIMITS.sectionText),
      },
    });
  }
  for (const figure of view.figures) {
    blocks.push({
      type: 'section',
      block_id: `dora:${figure.figure}`,
      text: {
        type: 'mrkdwn',
        text: truncate(
          `*${escapeMrkdwn(figure.label)}*: ${escapeMrkdwn(figure.value)}\n${figureLines(figure).map(escapeMrkdwn).join('\n')}`,
          SLACK_LIMITS.sectionText,
        ),
      },
      accessory: {
        type: 'button',
        action_id: DORA_ACTIONS.why,
        text: { type: 'plain_text', text: 'Why this number?' },
        value: encodeDoraAction({ ...view.action, figure: figure.figure }),
      },
    });
  }
  blocks.push({
    type: 'context',
    elements: [
      { type: 'mrkdwn', text: truncate(escapeMrkdwn(coverageLine(view)), SLACK_LIMITS.sectionText) },
    ],
  });
  const summary = view.figures.map((figure) => `${figure.label} ${figure.value}`).join('; ');
  return { text: escapeMrkdwn(`${doraTitle(view)}: ${summary}`), blocks };
}
