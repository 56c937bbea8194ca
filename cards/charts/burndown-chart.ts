/** A sprint burndown: the work remaining each day, against the ideal straight line to zero (dashed). */
import { buildNoDataChart, formatDay } from './chart-parts.ts';
import { CHART_CONFIG, PALETTE } from './theme.ts';
import type { ChartSpec, SprintBurndown } from './types.ts';

export function buildBurndownChart({ sprintName, unit, days }: SprintBurndown): ChartSpec {
  const title = `Burndown: ${sprintName}`;
  if (days.length === 0) return buildNoDataChart(title, 'This sprint has no days yet');
  const values = days.flatMap(({ day, remaining, ideal }) => [
    ...(remaining === undefined ? [] : [{ day: formatDay(day), series: 'Remaining', value: remaining }]),
    { day: formatDay(day), series: 'Ideal', value: ideal },
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    config: CHART_CONFIG,
    data: { values },
    mark: { type: 'line', point: { size: 30 }, strokeWidth: 2 },
    encoding: {
      x: {
        field: 'day',
        type: 'ordinal',
        sort: null,
        title: 'Day',
        axis: { labelAngle: days.length > 10 ? -45 : 0 },
      },
      y: {
        field: 'value',
        type: 'quantitative',
        title: `Remaining (${unit === 'points' ? 'story points' : 'issues'})`,
        scale: { zero: true },
      },
      color: {
        field: 'series',
        type: 'nominal',
        legend: { symbolType: 'stroke', symbolStrokeWidth: 2 },
        scale: { domain: ['Remaining', 'Ideal'], range: [PALETTE.vermillion, PALETTE.grey] },
      },
      strokeDash: {
        field: 'series',
        type: 'nominal',
        scale: {
          domain: ['Remaining', 'Ideal'],
          range: [
            [1, 0],
            [6, 3],
          ],
        },
      },
    },
  };
}
