/**
 * The chart worker: draws PNGs off the bot's own realm. vega-lite sets `Set.prototype.toJSON` when it is
 * imported (docs/charts.md); loading it only here keeps JSON.stringify of the bot's Sets as it was.
 */
import { parentPort } from 'node:worker_threads';
import { buildDeploymentsChart } from '../../cards/charts/deployments-chart.ts';
import { buildLeadTimeChart } from '../../cards/charts/lead-time-chart.ts';
import { renderChartPng } from '../../cards/charts/render-chart.ts';
import type { ChartJob, ChartWorkerReply } from './chart-job.ts';

const specOf = (job: ChartJob) =>
  job.chart === 'deployments'
    ? buildDeploymentsChart({ weeks: job.data })
    : buildLeadTimeChart({ points: job.data });

parentPort!.on('message', async ({ id, job }: { id: number; job: ChartJob }) => {
  let reply: ChartWorkerReply;
  try {
    const png = await renderChartPng(specOf(job), job.size);
    reply = { id, png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
