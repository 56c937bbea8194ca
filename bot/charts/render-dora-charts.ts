import type { DoraCharts, DoraChartImage } from '../../handlers/metrics/dora-view.ts';
import { buildDeploymentsChart } from '../../cards/charts/deployments-chart.ts';
import { buildLeadTimeChart } from '../../cards/charts/lead-time-chart.ts';
import type { ChartSize } from '../../cards/charts/types.ts';
import type { ChartRenderer } from './chart-renderer.ts';

/** A chart of a `/dora` answer, drawn: what an upload or a card image needs. */
export interface RenderedChart {
  chart: DoraChartImage['chart'];
  filename: string;
  title: string;
  altText: string;
  png: Buffer;
}

/** Slack shows images 360–600 px wide: 2x keeps them sharp there. */
export const SLACK_CHART_SIZE: ChartSize = { width: 600, height: 360, pixelRatio: 2 };
/** Teams: 1x and a little smaller, so each data URI stays far below the card renderers' ~65 k character cap. */
export const TEAMS_CHART_SIZE: ChartSize = { width: 480, height: 288, pixelRatio: 1 };

const hours = (value: number) => (value < 72 ? `${value.toFixed(1)} h` : `${(value / 24).toFixed(1)} days`);

/** Deployments per week and the lead-time trend (p50, p90), with alt text saying what each shows. */
export async function renderDoraCharts(
  renderer: ChartRenderer,
  charts: DoraCharts,
  size: ChartSize,
): Promise<RenderedChart[]> {
  const [deployments, leadTime] = await Promise.all([
    renderer.renderPng(buildDeploymentsChart({ weeks: charts.deployments }), size),
    renderer.renderPng(buildLeadTimeChart({ points: charts.leadTime }), size),
  ]);
  return [
    {
      chart: 'deployments',
      filename: 'deployments-per-week.png',
      title: 'Deployments per week',
      altText:
        charts.deployments.length === 0
          ? 'Deployments per week: none in this range'
          : `Deployments per week: ${charts.deployments.map((week) => `${week.weekStart} ${week.count}`).join(', ')}`,
      png: deployments,
    },
    {
      chart: 'lead-time',
      filename: 'lead-time-trend.png',
      title: 'Lead time for changes (p50 and p90)',
      altText:
        charts.leadTime.length === 0
          ? 'Lead time trend: no changes reached production in this range'
          : `Lead time per week, p50 / p90: ${charts.leadTime.map((point) => `${point.date} ${hours(point.p50Hours)} / ${hours(point.p90Hours)}`).join(', ')}`,
      png: leadTime,
    },
  ];
}
