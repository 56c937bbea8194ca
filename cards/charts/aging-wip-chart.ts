/**
 * Aging work in progress: each open item by how long it has been in progress, with the team's 50th/85th/95th
 * percentile cycle times as lines. Items above the 85th are the ones to ask about, so they stand out in colour.
 */
import { buildNoDataChart, pickDurationUnit, roundForChart } from './chart-parts.ts';
import { CHART_CONFIG, PALETTE } from './theme.ts';
import type { AgingWip, ChartSpec } from './types.ts';

const TITLE = 'Aging work in progress';

export function buildAgingWipChart({ items, percentiles }: AgingWip): ChartSpec {
  if (items.length === 0) return buildNoDataChart(TITLE, 'Nothing is in progress');
  const { p50Hours, p85Hours, p95Hours } = percentiles;
  const unit = pickDurationUnit(Math.max(p95Hours, ...items.map((item) => item.ageHours)));
  const inUnit = (hours: number) => roundForChart(hours * unit.perHour);
  const points = [...items]
    .sort((a, b) => b.ageHours - a.ageHours)
    .map(({ id, ageHours }) => ({
      item: id,
      age: inUnit(ageHours),
      band: ageHours > p85Hours ? 'Older than 85th percentile' : 'Within 85th percentile',
    }));
  const lines = [
    { label: '50th', value: inUnit(p50Hours) },
    { label: '85th', value: inUnit(p85Hours) },
    { label: '95th', value: inUnit(p95Hours) },
  ].map((line) => ({ ...line, text: `${line.label}: ${line.value} ${unit.name}` }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: TITLE,
    config: CHART_CONFIG,
    layer: [
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 70, opacity: 0.9 },
        encoding: {
          x: {
            field: 'item',
            type: 'ordinal',
            sort: null,
            title: 'Item (oldest first)',
            axis: { labelAngle: -45, labelLimit: 90 },
          },
          y: { field: 'age', type: 'quantitative', title: `Age in progress (${unit.name})` },
          color: {
            field: 'band',
            type: 'nominal',
            scale: {
              domain: ['Within 85th percentile', 'Older than 85th percentile'],
              range: [PALETTE.blue, PALETTE.vermillion],
            },
          },
          shape: {
            field: 'band',
            type: 'nominal',
            scale: {
              domain: ['Within 85th percentile', 'Older than 85th percentile'],
              range: ['circle', 'triangle-up'],
            },
          },
        },
      },
      {
        data: { values: lines },
        mark: { type: 'rule', strokeDash: [4, 3], color: PALETTE.grey },
        encoding: { y: { field: 'value', type: 'quantitative' } },
      },
      {
        data: { values: lines },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -2, fontSize: 10, color: '#333333' },
        encoding: {
          x: { value: { expr: 'width' } },
          y: { field: 'value', type: 'quantitative' },
          text: { field: 'text' },
        },
      },
    ],
  };
}
