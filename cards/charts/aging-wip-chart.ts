/**
 * Aging work in progress: each open item by how long it has been in progress, with the team's 50th/85th/95th
 * percentile cycle times as lines. Items above the 85th are the ones to ask about, so they stand out in colour.
 * Without percentiles (too few finished items) the points stand alone, all in one colour.
 */
import { buildNoDataChart, pickDurationUnit, roundForChart } from './chart-parts.ts';
import { CHART_CONFIG, PALETTE } from './theme.ts';
import type { AgingWip, ChartSpec } from './types.ts';

const TITLE = 'Aging work in progress';

const WITHIN = 'Within 85th percentile';
const OLDER = 'Older than 85th percentile';
const UNRANKED = 'In progress';

export function buildAgingWipChart({ items, percentiles, subtitle }: AgingWip): ChartSpec {
  const title = subtitle ? { text: TITLE, subtitle } : TITLE;
  if (items.length === 0) return { ...buildNoDataChart(TITLE, 'Nothing is in progress'), title };
  const unit = pickDurationUnit(Math.max(percentiles?.p95Hours ?? 0, ...items.map((item) => item.ageHours)));
  const inUnit = (hours: number) => roundForChart(hours * unit.perHour);
  const points = [...items]
    .sort((a, b) => b.ageHours - a.ageHours)
    .map(({ id, ageHours }) => ({
      item: id,
      age: inUnit(ageHours),
      band: !percentiles ? UNRANKED : ageHours > percentiles.p85Hours ? OLDER : WITHIN,
    }));
  const bands = percentiles
    ? {
        domain: [WITHIN, OLDER],
        colors: [PALETTE.blue, PALETTE.vermillion],
        shapes: ['circle', 'triangle-up'],
      }
    : { domain: [UNRANKED], colors: [PALETTE.blue], shapes: ['circle'] };
  const lines = percentiles
    ? [
        { label: '50th', value: inUnit(percentiles.p50Hours) },
        { label: '85th', value: inUnit(percentiles.p85Hours) },
        { label: '95th', value: inUnit(percentiles.p95Hours) },
      ].map((line) => ({ ...line, text: `${line.label}: ${line.value} ${unit.name}` }))
    : [];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
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
            axis: { labelAngle: -45, labelLimit: 120 },
          },
          y: { field: 'age', type: 'quantitative', title: `Age in progress (${unit.name})` },
          color: { field: 'band', type: 'nominal', scale: { domain: bands.domain, range: bands.colors } },
          shape: { field: 'band', type: 'nominal', scale: { domain: bands.domain, range: bands.shapes } },
        },
      },
      ...percentileLayers(lines),
    ],
  };
}

type Layer = Extract<ChartSpec, { layer: unknown }>['layer'][number];

/** The dashed percentile lines, labelled at the right edge; none without percentiles (Vega refuses empty data). */
function percentileLayers(lines: { value: number; text: string }[]): Layer[] {
  if (lines.length === 0) return [];
  return [
    {
      data: { values: lines },
      mark: { type: 'rule', strokeDash: [4, 3], color: PALETTE.grey },
      encoding: { y: { field: 'value', type: 'quantitative' } },
    },
    {
      data: { values: lines },
      mark: {
        type: 'text',
        align: 'right',
        baseline: 'bottom',
        dy: -2,
        fontSize: 10,
        color: '#333333',
      },
      encoding: {
        x: { value: { expr: 'width' } },
        y: { field: 'value', type: 'quantitative' },
        text: { field: 'text' },
      },
    },
  ];
}
