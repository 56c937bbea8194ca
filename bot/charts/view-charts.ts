import { buildAgingWipChart } from '../../cards/charts/aging-wip-chart.ts';
import { buildBurndownChart } from '../../cards/charts/burndown-chart.ts';
import { buildDeploymentsChart } from '../../cards/charts/deployments-chart.ts';
import { buildLeadTimeChart } from '../../cards/charts/lead-time-chart.ts';
import type { ChartSize, ChartSpec } from '../../cards/charts/types.ts';
import { flowTitle } from '../../cards/flow-text.ts';
import type { FlowAgingChartData, FlowView } from '../../handlers/flow/flow-view.ts';
import type { DoraView } from '../../handlers/metrics/dora-view.ts';
import type { SprintHealthView } from '../../handlers/sprint/sprint-view.ts';
import type { View } from '../../handlers/types.ts';
import type { ChartRenderer } from './chart-renderer.ts';

/** One chart of an answer, to draw: its spec, and the words an upload or a card image carries with it. */
export interface ViewChart {
  filename: string;
  title: string;
  altText: string;
  /** Built when drawn, so that data a builder refuses fails the drawing, never the answer. */
  spec: () => ChartSpec;
}

/** A chart drawn. */
export interface RenderedChart extends Omit<ViewChart, 'spec'> {
  png: Buffer;
}

/** The charts of an answer, and what they are of ("Delivery: everyone, last 30 days (…)"). */
export interface ViewCharts {
  caption: string;
  charts: ViewChart[];
}

/** Slack shows images 360–600 px wide: 2x keeps them sharp there. */
export const SLACK_CHART_SIZE: ChartSize = { width: 600, height: 360, pixelRatio: 2 };
/** Teams: 1x and a little smaller, so each data URI stays far below the card renderers' ~65 k character cap. */
export const TEAMS_CHART_SIZE: ChartSize = { width: 480, height: 288, pixelRatio: 1 };

const hours = (value: number) => (value < 72 ? `${value.toFixed(1)} h` : `${(value / 24).toFixed(1)} days`);

function doraCharts(view: DoraView): ViewCharts {
  const { deployments, leadTime } = view.charts;
  return {
    caption: `Delivery: ${view.scopeLabel}, ${view.rangeLabel} (${view.from} to ${view.to})`,
    charts: [
      {
        filename: 'deployments-per-week.png',
        title: 'Deployments per week',
        altText:
          deployments.length === 0
            ? 'Deployments per week: none in this range'
            : `Deployments per week: ${deployments.map((week) => `${week.weekStart} ${week.count}`).join(', ')}`,
        spec: () => buildDeploymentsChart({ weeks: deployments }),
      },
      {
        filename: 'lead-time-trend.png',
        title: 'Lead time for changes (p50 and p90)',
        altText:
          leadTime.length === 0
            ? 'Lead time trend: no changes reached production in this range'
            : `Lead time per week, p50 / p90: ${leadTime.map((point) => `${point.date} ${hours(point.p50Hours)} / ${hours(point.p90Hours)}`).join(', ')}`,
        spec: () => buildLeadTimeChart({ points: leadTime }),
      },
    ],
  };
}

function burndownChart(view: SprintHealthView): ViewCharts {
  const unit = view.burndown.unit === 'points' ? 'story points' : 'issues';
  return {
    caption: `${view.sprintName} (${view.dates})`,
    charts: [
      {
        filename: 'sprint-burndown.png',
        title: `Burndown: ${view.sprintName}`,
        altText: `Burndown of ${view.sprintName}: ${unit} left each day against the ideal line.`,
        spec: () => buildBurndownChart(view.burndown),
      },
    ],
  };
}

/**
 * Where a chart goes: a file (Slack's upload, any size) or a card's data URL, which has a character budget
 * (attach-chart-image.ts). A text-heavy chart is cut down for a card: the aging scatter keeps its 10 oldest items.
 */
export type ChartFit = 'file' | 'card';
const AGING_ITEMS: Readonly<Record<ChartFit, number>> = { file: 30, card: 10 };

function agingAltText({ items, percentiles, inProgress }: FlowAgingChartData): string {
  if (inProgress === 0) return 'Aging work in progress: nothing is in progress';
  const shown = items.length < inProgress ? `the oldest ${items.length} of ${inProgress}` : `${inProgress}`;
  const oldest = items.map((item) => `${item.id} ${hours(item.ageHours)}`).join(', ');
  const lines = percentiles
    ? `; cycle time of finished work: 50th ${hours(percentiles.p50Hours)}, 85th ${hours(percentiles.p85Hours)}, 95th ${hours(percentiles.p95Hours)}; ${items.filter((item) => item.ageHours > percentiles.p85Hours).length} past the 85th`
    : '; too few finished items for percentile lines';
  return `Aging work in progress, ${shown} items by age: ${oldest}${lines}`;
}

function agingChart(view: FlowView, all: FlowAgingChartData, fit: ChartFit): ViewCharts {
  const data = { ...all, items: all.items.slice(0, AGING_ITEMS[fit]) };
  const subtitle = [
    data.items.length < data.inProgress
      ? `Oldest ${data.items.length} of ${data.inProgress} in progress`
      : '',
    data.percentiles
      ? 'Lines: cycle time of all finished PRs and issues'
      : 'Too few finished items for percentile lines',
  ]
    .filter(Boolean)
    .join(' · ');
  return {
    caption: `${flowTitle(view)}, ${view.rangeLabel}`,
    charts: [
      {
        filename: 'aging-wip.png',
        title: 'Aging work in progress',
        altText: agingAltText(data),
        spec: () =>
          buildAgingWipChart({
            items: data.items,
            ...(data.percentiles ? { percentiles: data.percentiles } : {}),
            subtitle,
          }),
      },
    ],
  };
}

/** The charts an answer comes with: /dora's two, the sprint burndown, a team /flow's aging WIP; else none. */
export function chartsOfView(view: View, fit: ChartFit = 'file'): ViewCharts | undefined {
  if (view.kind === 'dora') return doraCharts(view);
  if (view.kind === 'sprint-health') return burndownChart(view);
  if (view.kind === 'flow' && view.agingChart) return agingChart(view, view.agingChart, fit);
  return undefined;
}

/** Draws charts at one size (in the renderer's worker), in order. */
export async function renderCharts(
  renderer: ChartRenderer,
  charts: readonly ViewChart[],
  size: ChartSize,
): Promise<RenderedChart[]> {
  const pngs = await Promise.all(charts.map((chart) => renderer.renderPng(chart.spec(), size)));
  return charts.map(({ spec: _spec, ...chart }, index) => ({ ...chart, png: pngs[index]! }));
}
