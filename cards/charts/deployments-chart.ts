/** Deployments per week as bars, each labelled with its count. */
import { PALETTE, CHART_CONFIG } from './theme.ts';
import { buildNoDataChart, formatDay } from './chart-parts.ts';
import type { ChartSpec, DeploymentsPerWeek } from './types.ts';

const TITLE = 'Deployments per week';

export function buildDeploymentsChart({ weeks }: DeploymentsPerWeek): ChartSpec {
  if (weeks.length === 0) return buildNoDataChart(TITLE, 'No deployments in this range');
  const values = weeks.map(({ weekStart, count }) => ({ week: formatDay(weekStart), count }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: TITLE,
    config: CHART_CONFIG,
    data: { values },
    encoding: {
      x: {
        field: 'week',
        type: 'ordinal',
        sort: null,
        title: 'Week starting',
        axis: { labelAngle: weeks.length > 8 ? -45 : 0 },
      },
      y: { field: 'count', type: 'quantitative', title: 'Deployments', axis: { tickMinStep: 1 } },
    },
    layer: [
      { mark: { type: 'bar', color: PALETTE.blue, cornerRadiusTopLeft: 2, cornerRadiusTopRight: 2 } },
      {
        mark: { type: 'text', dy: -6, fontSize: 10, color: '#333333' },
        encoding: { text: { field: 'count' } },
      },
    ],
  };
}
