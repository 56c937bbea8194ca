import type { DoraCharts } from '../../handlers/metrics/dora-view.ts';

/** One chart to draw, as posted to the chart worker (plain data: it crosses a thread). */
export type ChartJob =
  | { chart: 'deployments'; data: DoraCharts['deployments']; size: ChartJobSize }
  | { chart: 'lead-time'; data: DoraCharts['leadTime']; size: ChartJobSize };

export interface ChartJobSize {
  width: number;
  height: number;
  pixelRatio: number;
}

export type ChartWorkerReply = { id: number; png: Uint8Array } | { id: number; error: string };
