import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createChartRenderer } from '../../../bot/charts/chart-renderer.ts';
import { buildDeploymentsChart } from '../../../cards/charts/deployments-chart.ts';
import { buildLeadTimeChart } from '../../../cards/charts/lead-time-chart.ts';
import {
  chartsOfView,
  renderCharts,
  SLACK_CHART_SIZE,
  TEAMS_CHART_SIZE,
} from '../../../bot/charts/view-charts.ts';
import type { DoraCharts } from '../../../handlers/metrics/dora-view.ts';
import { doraViewFixture } from '../../support/dora-fixture.ts';
import { readPngSize } from '../../support/png.ts';

const run = promisify(execFile);

const CHARTS: DoraCharts = {
  deployments: [
    { weekStart: '2026-09-07', count: 5 },
    { weekStart: '2026-09-14', count: 8 },
  ],
  leadTime: [
    { date: '2026-09-07', p50Hours: 20, p90Hours: 60 },
    { date: '2026-09-14', p50Hours: 26, p90Hours: 90 },
  ],
};

/** The /dora answer's two charts, for these series. */
const doraCharts = (charts: DoraCharts) => chartsOfView({ ...doraViewFixture(), charts })!.charts;

describe('chart renderer (worker thread)', function () {
  this.timeout(30_000);
  const renderer = createChartRenderer();
  after(() => renderer.close());

  it('draws both /dora charts as PNGs of the asked size, with alt text', async () => {
    const slack = await renderCharts(renderer, doraCharts(CHARTS), SLACK_CHART_SIZE);
    assert.deepEqual(
      slack.map((chart) => readPngSize(chart.png)),
      [
        { width: 1200, height: 720 },
        { width: 1200, height: 720 },
      ],
    );
    const teams = await renderCharts(renderer, doraCharts(CHARTS), TEAMS_CHART_SIZE);
    for (const chart of teams) {
      assert.deepEqual(readPngSize(chart.png), { width: 480, height: 288 });
      assert.ok(chart.png.length < 28_000, `${chart.filename}: ${chart.png.length} bytes at 1x`);
    }
    assert.equal(slack[0]!.altText, 'Deployments per week: 2026-09-07 5, 2026-09-14 8');
    assert.equal(
      slack[1]!.altText,
      'Lead time per week, p50 / p90: 2026-09-07 20.0 h / 60.0 h, 2026-09-14 26.0 h / 3.8 days',
    );
    const empty = await renderCharts(
      renderer,
      doraCharts({ deployments: [], leadTime: [] }),
      TEAMS_CHART_SIZE,
    );
    assert.match(empty[1]!.altText, /no changes reached production/);
  });

  it("keeps vega-lite's Set.prototype.toJSON patch out of the bot's realm", async () => {
    // In a process of its own: other test files in this one load vega-lite directly.
    const script = `
      const { createChartRenderer } = await import(${JSON.stringify(new URL('../../../bot/charts/chart-renderer.ts', import.meta.url).href)});
      const { buildDeploymentsChart } = await import(${JSON.stringify(new URL('../../../cards/charts/deployments-chart.ts', import.meta.url).href)});
      const renderer = createChartRenderer();
      const spec = buildDeploymentsChart({ weeks: [{ weekStart: '2026-09-07', count: 3 }] });
      const png = await renderer.renderPng(spec, { width: 300, height: 200, pixelRatio: 1 });
      await renderer.close();
      console.log(JSON.stringify({ bytes: png.length, set: JSON.stringify(new Set([1])), own: Object.hasOwn(Set.prototype, 'toJSON') }));
    `;
    const dir = await mkdtemp(join(tmpdir(), 'em-chart-realm-'));
    await writeFile(join(dir, 'render.mjs'), script);
    const { stdout } = await run(process.execPath, [join(dir, 'render.mjs')]);
    const result = JSON.parse(stdout.trim()) as { bytes: number; set: string; own: boolean };
    assert.ok(result.bytes > 1000, 'the chart was drawn');
    assert.deepEqual({ set: result.set, own: result.own }, { set: '{}', own: false });
  });

  it('rejects a chart that fails in the worker, and keeps drawing the next ones', async () => {
    await assert.rejects(
      renderer.renderPng(buildDeploymentsChart({ weeks: CHARTS.deployments }), {
        width: 0,
        height: 10,
        pixelRatio: 1,
      }),
      /chart size out of range/,
    );
    const png = await renderer.renderPng(buildLeadTimeChart({ points: CHARTS.leadTime }), TEAMS_CHART_SIZE);
    assert.deepEqual(readPngSize(png), { width: 480, height: 288 });
  });
});
