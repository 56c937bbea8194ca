/**
 * Server-side chart rendering (cards/charts/): each of the four charts at Slack's size (600×360 CSS px) as SVG
 * only (Vega-Lite compile + Vega's headless View: the baseline, measured in the same run), as SVG + PNG at 2x
 * (what Slack gets) and as SVG + PNG at 1x (small enough for a Teams data URI). Prints the first render in this
 * process (cold: modules and fonts), p50/p99 over ROUNDS warm renders, the PNG's bytes and the PNG step's share.
 * The figure to compare with: a 12-bar chart in about 75 ms (the deployments chart has 12 bars).
 *   npm run bench -- bench/chart-render.bench.ts     (ROUNDS, default 40, adjusts it)
 */
import { buildAgingWipChart } from '../cards/charts/aging-wip-chart.ts';
import { buildBurndownChart } from '../cards/charts/burndown-chart.ts';
import { buildDeploymentsChart } from '../cards/charts/deployments-chart.ts';
import { buildLeadTimeChart } from '../cards/charts/lead-time-chart.ts';
import { renderChartPng, renderChartSvg } from '../cards/charts/render-chart.ts';
import type { ChartSpec } from '../cards/charts/types.ts';
import { agingWip, burndown, deployments, leadTime } from '../test/cards/charts/chart-fixtures.ts';
import { benchHeader } from './support/backend.ts';

console.log(benchHeader());

const ROUNDS = Number(process.env.ROUNDS ?? 40);
const SIZE = { width: 600, height: 360 };

const charts: [string, () => ChartSpec][] = [
  ['deployments per week (12 bars)', () => buildDeploymentsChart(deployments)],
  ['lead-time trend (12 weeks × 2)', () => buildLeadTimeChart(leadTime)],
  ['sprint burndown (10 days × 2)', () => buildBurndownChart(burndown)],
  ['aging WIP (10 items, 3 lines)', () => buildAgingWipChart(agingWip)],
];

async function timeMs(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const [, buildFirst] = charts[0]!;
const cold = await timeMs(() => renderChartPng(buildFirst(), SIZE));
console.log(`first render in this process (SVG + PNG, cold): ${cold.toFixed(0)} ms`);
console.log(`${ROUNDS} warm renders each, interleaved, at ${SIZE.width}×${SIZE.height} CSS px:`);

for (const [name, build] of charts) {
  const svgTimes: number[] = [];
  const pngTimes: number[] = [];
  const png1xTimes: number[] = [];
  let bytes = 0;
  let bytes1x = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    svgTimes.push(await timeMs(() => renderChartSvg(build(), SIZE)));
    pngTimes.push(
      await timeMs(async () => {
        bytes = (await renderChartPng(build(), SIZE)).length;
      }),
    );
    png1xTimes.push(
      await timeMs(async () => {
        bytes1x = (await renderChartPng(build(), { ...SIZE, pixelRatio: 1 })).length;
      }),
    );
  }
  const [svg, png, png1x] = [svgTimes, pngTimes, png1xTimes].map((times) => [...times].sort((a, b) => a - b));
  const p50 = (sorted: number[]) => quantile(sorted, 0.5).toFixed(1).padStart(6);
  const p99 = (sorted: number[]) => quantile(sorted, 0.99).toFixed(1).padStart(6);
  const share = 1 - quantile(svg!, 0.5) / quantile(png!, 0.5);
  console.log(
    `${name.padEnd(32)} SVG p50 ${p50(svg!)} ms p99 ${p99(svg!)} ms` +
      `   SVG+PNG@2x p50 ${p50(png!)} ms p99 ${p99(png!)} ms ${(bytes / 1024).toFixed(0).padStart(3)} KiB` +
      ` (PNG step ${(share * 100).toFixed(0)}% of p50)` +
      `   SVG+PNG@1x p50 ${p50(png1x!)} ms ${(bytes1x / 1024).toFixed(0).padStart(3)} KiB`,
  );
}
