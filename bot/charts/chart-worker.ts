/**
 * The chart renderer's thread: vega-lite patches `Set.prototype.toJSON` when it loads (docs/charts.md), so charts
 * are drawn here, in a realm of their own, and only PNG bytes come back.
 */
import { parentPort } from 'node:worker_threads';
import { renderChartPng } from '../../cards/charts/render-chart.ts';
import type { ChartSize, ChartSpec } from '../../cards/charts/types.ts';

interface RenderRequest {
  id: number;
  spec: ChartSpec;
  size: ChartSize;
}

parentPort!.on('message', async ({ id, spec, size }: RenderRequest) => {
  try {
    const png = await renderChartPng(spec, size);
    const bytes = new Uint8Array(png);
    parentPort!.postMessage({ id, png: bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
