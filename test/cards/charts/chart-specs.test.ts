import assert from 'node:assert/strict';
import { buildAgingWipChart } from '../../../cards/charts/aging-wip-chart.ts';
import { buildBurndownChart } from '../../../cards/charts/burndown-chart.ts';
import { formatDay, pickDurationUnit } from '../../../cards/charts/chart-parts.ts';
import { buildDeploymentsChart } from '../../../cards/charts/deployments-chart.ts';
import { buildLeadTimeChart } from '../../../cards/charts/lead-time-chart.ts';
import { agingWip, burndown, deployments } from './chart-fixtures.ts';

/** The inline rows of a spec, or of one of its layers. */
function valuesOf(spec: object, layer?: number): Record<string, unknown>[] {
  const source = layer === undefined ? spec : (spec as { layer: object[] }).layer[layer]!;
  return (source as { data: { values: Record<string, unknown>[] } }).data.values;
}

describe('chart specs', () => {
  it('labels weeks by their start day in UTC, in the order given', () => {
    const rows = valuesOf(buildDeploymentsChart(deployments));
    assert.deepEqual(rows.slice(0, 2), [
      { week: 'Sep 7', count: 4 },
      { week: 'Sep 14', count: 9 },
    ]);
    assert.equal(formatDay('2026-03-01T23:30:00Z'), 'Mar 1');
    assert.throws(() => formatDay('last week'), RangeError);
  });

  it('shows lead times in hours under three days and in days beyond', () => {
    assert.deepEqual(pickDurationUnit(71.9), { name: 'hours', perHour: 1 });
    assert.equal(pickDurationUnit(72).name, 'days');
    const short = buildLeadTimeChart({ points: [{ date: '2026-09-07', p50Hours: 5, p90Hours: 30 }] });
    assert.deepEqual(valuesOf(short), [
      { date: '2026-09-07', series: 'p50 (median)', value: 5 },
      { date: '2026-09-07', series: 'p90', value: 30 },
    ]);
    assert.match(JSON.stringify(short), /Lead time \(hours\)/);
    const long = buildLeadTimeChart({ points: [{ date: '2026-09-07', p50Hours: 36, p90Hours: 120 }] });
    assert.deepEqual(
      valuesOf(long).map((row) => row.value),
      [1.5, 5],
    );
    assert.match(JSON.stringify(long), /Lead time \(days\)/);
  });

  it('draws the burndown beside its ideal line, in the sprint unit', () => {
    const spec = buildBurndownChart({ ...burndown, unit: 'issues' });
    assert.deepEqual(valuesOf(spec).slice(0, 2), [
      { day: 'Sep 7', series: 'Remaining', value: 40 },
      { day: 'Sep 7', series: 'Ideal', value: 40 },
    ]);
    assert.match(JSON.stringify(spec), /Remaining \(issues\)/);
    assert.match(JSON.stringify(spec), /Burndown: Sprint 42/);
  });

  it('runs the ideal line on over the days still to come, which have no remaining point', () => {
    const days = burndown.days.map((point, index) =>
      index < 4 ? point : { day: point.day, ideal: point.ideal },
    );
    const values = valuesOf(buildBurndownChart({ ...burndown, days }));
    assert.equal(values.filter((value) => value.series === 'Remaining').length, 4);
    assert.equal(values.filter((value) => value.series === 'Ideal').length, 10);
  });

  it('orders WIP oldest first, flags items past the 85th percentile, and labels the percentile lines', () => {
    const spec = buildAgingWipChart(agingWip);
    const points = valuesOf(spec, 0);
    assert.deepEqual(
      points.map((point) => point.item),
      [
        'PAY-102',
        'PAY-106',
        'PAY-109',
        'PAY-105',
        'PAY-103',
        'PAY-107',
        'PAY-110',
        'PAY-104',
        'PAY-108',
        'PAY-101',
      ],
    );
    const flagged = points
      .filter((point) => point.band === 'Older than 85th percentile')
      .map((point) => point.item);
    assert.deepEqual(flagged, ['PAY-102', 'PAY-106', 'PAY-109']); // 150 h itself is within
    assert.deepEqual(
      valuesOf(spec, 1).map((line) => line.text),
      ['50th: 2.5 days', '85th: 6.25 days', '95th: 9.58 days'],
    );
  });

  it('gives every empty input a chart that says there is nothing to show', () => {
    const messages = [
      buildDeploymentsChart({ weeks: [] }),
      buildLeadTimeChart({ points: [] }),
      buildBurndownChart({ ...burndown, days: [] }),
      buildAgingWipChart({ ...agingWip, items: [] }),
    ].map((spec) => valuesOf(spec)[0]!.message);
    assert.deepEqual(messages, [
      'No deployments in this range',
      'No changes reached production in this range',
      'This sprint has no days yet',
      'Nothing is in progress',
    ]);
  });
});
