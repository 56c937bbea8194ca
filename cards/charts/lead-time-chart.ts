/** Lead time for changes over time: the median (p50) and the 90th percentile (p90) as two lines. */
import { buildNoDataChart, pickDurationUnit, roundForChart } from './chart-parts.ts';
import { CHART_CONFIG, PALETTE } from './theme.ts';
import type { ChartSpec, LeadTimeTrend } from './types.ts';

const TITLE = 'Lead time for changes';

export function buildLeadTimeChart({ points }: LeadTimeTrend): ChartSpec {
  if (points.length === 0) return buildNoDataChart(TITLE, 'No changes reached production in this range');
  const unit = pickDurationUnit(Math.max(...points.map((point) => point.p90Hours)));
  const values = points.flatMap(({ date, p50Hours, p90Hours }) => [
    { date, series: 'p50 (median)', value: roundForChart(p50Hours * unit.perHour) },
    { date, series: 'p90', value: roundForChart(p90Hours * unit.perHour) },
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: TITLE,
    config: CHART_CONFIG,
    data: { values },
    mark: { type: 'line', point: { size: 30 }, strokeWidth: 2 },
    encoding: {
      x: {
        field: 'date',
        type: 'temporal',
        scale: { type: 'utc' },
        title: 'Date',
        axis: { format: '%b %-d', labelAngle: 0 },
      },
      y: { field: 'value', type: 'quantitative', title: `Lead time (${unit.name})` },
      color: {
        field: 'series',
        type: 'nominal',
        legend: { symbolType: 'stroke', symbolStrokeWidth: 2 },
        scale: { domain: ['p50 (median)', 'p90'], range: [PALETTE.blue, PALETTE.orange] },
      },
      strokeDash: {
        field: 'series',
        type: 'nominal',
        scale: {
          domain: ['p50 (median)', 'p90'],
          range: [
            [1, 0],
            [6, 3],
          ],
        },
      },
    },
  };
}
