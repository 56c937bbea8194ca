/** Pieces the chart builders share: the "no data" chart, date labels, and the unit a duration axis uses. */
import { CHART_CONFIG, PALETTE } from './theme.ts';
import type { ChartSpec } from './types.ts';

/** An empty chart that says so: a command still answers with an image, and the image explains itself. */
export function buildNoDataChart(title: string, message: string): ChartSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    config: CHART_CONFIG,
    data: { values: [{ message }] },
    mark: { type: 'text', fontSize: 14, color: PALETTE.grey },
    encoding: { text: { field: 'message' } },
  };
}

const DAY = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** `2026-03-02` → `Mar 2`, in UTC so the label never depends on the server's zone. */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an ISO 8601 date: ${iso}`);
  return DAY.format(date);
}

/** Hours while the largest value is under three days, days beyond: "130 hours" reads worse than "5.4 days". */
export function pickDurationUnit(maxHours: number): { name: 'hours' | 'days'; perHour: number } {
  return maxHours < 72 ? { name: 'hours', perHour: 1 } : { name: 'days', perHour: 1 / 24 };
}

/** Two decimals at most: enough for a chart, small enough for a label. */
export function roundForChart(value: number): number {
  return Math.round(value * 100) / 100;
}
