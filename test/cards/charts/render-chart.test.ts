import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildAgingWipChart } from '../../../cards/charts/aging-wip-chart.ts';
import { buildBurndownChart } from '../../../cards/charts/burndown-chart.ts';
import { buildDeploymentsChart } from '../../../cards/charts/deployments-chart.ts';
import { buildLeadTimeChart } from '../../../cards/charts/lead-time-chart.ts';
import { rasteriseChartSvg, renderChartPng, renderChartSvg } from '../../../cards/charts/render-chart.ts';
import type { ChartSpec } from '../../../cards/charts/types.ts';
import { agingWip, burndown, deployments, leadTime } from './chart-fixtures.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SLACK_SIZE = { width: 600, height: 360 };
const ARTIFACT_DIR = path.join(tmpdir(), 'em-agent-charts');

/** Width and height from the IHDR chunk, which PNG requires right after the signature. */
function readPngSize(png: Buffer): { width: number; height: number } {
  assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** How many pixels in rows [top, bottom) are dark: text and marks, not the white background or light grid. */
function countDarkPixels(pixels: Buffer, width: number, top: number, bottom: number): number {
  let dark = 0;
  for (let offset = top * width * 4; offset < bottom * width * 4; offset += 4) {
    if (pixels[offset]! + pixels[offset + 1]! + pixels[offset + 2]! < 3 * 128) dark += 1;
  }
  return dark;
}

const charts: [string, ChartSpec][] = [
  ['deployments per week', buildDeploymentsChart(deployments)],
  ['lead-time trend', buildLeadTimeChart(leadTime)],
  ['sprint burndown', buildBurndownChart(burndown)],
  ['aging WIP', buildAgingWipChart(agingWip)],
];

describe('renderChartPng', function () {
  this.timeout(60_000); // four charts on a shared, loaded machine

  for (const [name, spec] of charts) {
    it(`draws the ${name} chart as a PNG of the asked size at 2x`, async () => {
      const png = await renderChartPng(spec, SLACK_SIZE);
      assert.deepEqual(png.subarray(0, 8), PNG_SIGNATURE);
      assert.deepEqual(readPngSize(png), { width: 1200, height: 720 });
      assert.ok(png.length > 10_000 && png.length < 500_000, `${png.length} bytes`);
      // Left for a person to look at (see docs/charts.md): the test proves bytes, not legibility.
      await mkdir(ARTIFACT_DIR, { recursive: true });
      await writeFile(path.join(ARTIFACT_DIR, `${name.replaceAll(' ', '-')}.png`), png);
    });
  }

  it('honours pixelRatio 1 (the PNG is exactly width × height)', async () => {
    const png = await renderChartPng(charts[0]![1], { width: 400, height: 240, pixelRatio: 1 });
    assert.deepEqual(readPngSize(png), { width: 400, height: 240 });
  });

  it('draws different data as a different image', async () => {
    const fewer = {
      weeks: deployments.weeks.map((week) => ({ ...week, count: Math.max(0, week.count - 2) })),
    };
    const [before, after] = await Promise.all([
      renderChartPng(buildDeploymentsChart(deployments), SLACK_SIZE),
      renderChartPng(buildDeploymentsChart(fewer), SLACK_SIZE),
    ]);
    assert.notDeepEqual(before, after);
  });

  it('draws the same data as the same image (no clock, no randomness)', async () => {
    const spec = buildLeadTimeChart(leadTime);
    assert.deepEqual(await renderChartPng(spec, SLACK_SIZE), await renderChartPng(spec, SLACK_SIZE));
  });

  it('renders text with the bundled font: the title band has dark glyph pixels', async () => {
    const size = { ...SLACK_SIZE, pixelRatio: 1 };
    const image = rasteriseChartSvg(await renderChartSvg(buildDeploymentsChart(deployments), size), size);
    // The title sits in the top 40 px above the plot; without a font resvg draws no glyphs there at all.
    assert.ok(countDarkPixels(image.pixels, image.width, 0, 40) > 500);
  });

  it('puts the titles, axis titles with units and tick labels in the SVG', async () => {
    const svg = await renderChartSvg(buildAgingWipChart(agingWip), SLACK_SIZE);
    for (const text of ['Aging work in progress', 'Age in progress (days)', 'PAY-102', '85th: 6.25 days']) {
      assert.ok(svg.includes(text), `missing "${text}"`);
    }
    assert.ok(svg.includes('font-family="Inter"'));
  });

  it('draws empty data as a "no data" chart that says so', async () => {
    const size = { ...SLACK_SIZE, pixelRatio: 1 };
    const spec = buildDeploymentsChart({ weeks: [] });
    const svg = await renderChartSvg(spec, size);
    assert.ok(svg.includes('No deployments in this range'));
    const image = rasteriseChartSvg(svg, size);
    assert.ok(countDarkPixels(image.pixels, image.width, 160, 200) > 200, 'the message is drawn mid-chart');
    for (const empty of [
      buildLeadTimeChart({ points: [] }),
      buildBurndownChart({ ...burndown, days: [] }),
      buildAgingWipChart({ ...agingWip, items: [] }),
    ]) {
      assert.deepEqual(readPngSize(await renderChartPng(empty, size)), { width: 600, height: 360 });
    }
  });

  it('draws edge-case data without a warning: all-zero weeks, one point, markup in names, no percentiles', async () => {
    const edgeCases = [
      buildDeploymentsChart({ weeks: deployments.weeks.map((week) => ({ ...week, count: 0 })) }),
      buildLeadTimeChart({ points: [{ date: '2026-09-07', p50Hours: 0, p90Hours: 0 }] }),
      buildBurndownChart({ ...burndown, sprintName: 'Q4 <beta> & "rc"' }),
      buildAgingWipChart({ ...agingWip, items: [{ id: 'A&B <1>', ageHours: 1 }] }),
      buildAgingWipChart({ items: agingWip.items, subtitle: 'Too few finished items for percentile lines' }),
    ];
    for (const spec of edgeCases)
      assert.deepEqual(readPngSize(await renderChartPng(spec, SLACK_SIZE)), { width: 1200, height: 720 });
    const svg = await renderChartSvg(edgeCases[2]!, SLACK_SIZE);
    assert.ok(
      svg.includes('Burndown: Q4 &lt;beta&gt; &amp; &quot;rc&quot;'),
      'the name is escaped in the SVG',
    );
    assert.ok(!svg.includes('<beta>'));
  });

  it('refuses to fetch: a spec naming a data URL fails instead of reaching the network', async () => {
    const remote = { ...charts[0]![1], data: { url: 'https://example.com/deployments.json' } } as ChartSpec;
    await assert.rejects(renderChartPng(remote, SLACK_SIZE), /refused to load/);
  });

  it('fails rather than draw a spec Vega-Lite would only partly honour', async () => {
    const spec = buildDeploymentsChart(deployments) as { encoding: { x: Record<string, unknown> } };
    spec.encoding.x.axis = { format: '%b', formatType: 'no-such-format' };
    await assert.rejects(renderChartPng(spec as ChartSpec, SLACK_SIZE), /chart failed to render/);
  });

  it('rejects a size that is not a sane image', async () => {
    await assert.rejects(renderChartPng(charts[0]![1], { width: 0, height: 360 }), RangeError);
    await assert.rejects(renderChartPng(charts[0]![1], { width: 600, height: 90_000 }), RangeError);
  });
});
