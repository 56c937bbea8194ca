import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import pino from 'pino';
import { attachChartImage, MAX_CHART_DATA_URL } from '../../../bot/charts/attach-chart-image.ts';
import { createChartRenderer } from '../../../bot/charts/chart-renderer.ts';
import { chartsOfView, renderCharts, SLACK_CHART_SIZE } from '../../../bot/charts/view-charts.ts';
import type { FlowView } from '../../../handlers/flow/flow-view.ts';
import { measureSprintHealth } from '../../../handlers/sprint/sprint-health.ts';
import { buildSprintHealthView } from '../../../handlers/sprint/sprint-view.ts';
import { sprintInput } from '../../handlers/sprint/sprint-fixture.ts';
import { readPngSize } from '../../support/png.ts';

const silent = pino({ level: 'silent' });
const HOUR = 1;
const DAY = 24 * HOUR;

/** A team /flow answer with 12 items in progress, three of them past the 85th percentile of 4.5 days. */
const flowView: FlowView = {
  kind: 'flow',
  scopeLabel: 'Payments',
  rangeLabel: '2026-11-19 → 2026-12-02 (14 days)',
  ageMode: 'calendar',
  personal: false,
  figures: [],
  aging: [],
  agingChart: {
    items: [11, 8, 6.5, 4, 3.5, 3, 2.2, 2, 1.5, 1, 0.5, 0.2].map((days, index) => ({
      id: index % 3 === 0 ? `PAY-${140 + index}` : `acme/pay#${300 + index}`,
      ageHours: days * DAY,
    })),
    percentiles: { p50Hours: 1.5 * DAY, p85Hours: 4.5 * DAY, p95Hours: 7 * DAY },
    inProgress: 12,
  },
  notes: [],
};

describe('charts drawn for a Teams card and a Slack upload (worker thread)', function () {
  this.timeout(30_000);
  const renderer = createChartRenderer();
  after(() => renderer.close());
  const sprint = buildSprintHealthView(measureSprintHealth(sprintInput())!, {
    whyCommand: 'sprint why 37',
    expanded: false,
  });
  const only = (view: Parameters<typeof chartsOfView>[0], fit: 'file' | 'card' = 'card') =>
    chartsOfView(view, fit)!.charts[0]!;

  it('puts the burndown in the view as a PNG data URL within the budget, drawn outside this realm', async () => {
    const setJson = JSON.stringify(new Set([1]));
    const shown = await attachChartImage(sprint, only(sprint), renderer, silent);
    assert.ok(shown.chartImage, 'an image');
    assert.match(shown.chartImage.dataUrl, /^data:image\/png;base64,iVBORw0KGgo/);
    assert.ok(
      shown.chartImage.dataUrl.length <= MAX_CHART_DATA_URL,
      `${shown.chartImage.dataUrl.length} characters`,
    );
    assert.match(shown.chartImage.altText, /Burndown of ENG Sprint 14/);
    assert.equal(JSON.stringify(new Set([1])), setJson, "vega-lite's Set patch stays in the worker");
  });

  it('puts the aging-WIP scatter in a flow view, and says in its alt text what it shows', async () => {
    const shown = await attachChartImage(flowView, only(flowView), renderer, silent);
    assert.ok(shown.chartImage, 'an image');
    const png = Buffer.from(shown.chartImage.dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
    assert.ok(
      shown.chartImage.dataUrl.length <= MAX_CHART_DATA_URL,
      `${shown.chartImage.dataUrl.length} characters`,
    );
    assert.ok(png.length > 5_000, `${png.length} bytes`);
    assert.match(readPngSize(png).width.toString(), /^(560|440)$/);
    assert.equal(
      shown.chartImage.altText,
      'Aging work in progress, the oldest 10 of 12 items by age: PAY-140 11.0 days, acme/pay#301 8.0 days, ' +
        'acme/pay#302 6.5 days, PAY-143 4.0 days, acme/pay#304 3.5 days, acme/pay#305 3.0 days, PAY-146 52.8 h, ' +
        'acme/pay#307 48.0 h, acme/pay#308 36.0 h, PAY-149 24.0 h; cycle time of finished work: 50th 36.0 h, ' +
        '85th 4.5 days, 95th 7.0 days; 3 past the 85th',
    );
    assert.match(only(flowView, 'file').altText, /^Aging work in progress, 12 items by age: /);
  });

  it('draws the aging-WIP scatter for Slack at 1200×720, kept in docs/images for a person to look at', async () => {
    const [chart] = await renderCharts(renderer, [only(flowView, 'file')], SLACK_CHART_SIZE);
    assert.deepEqual(readPngSize(chart!.png), { width: 1200, height: 720 });
    assert.equal(chart!.filename, 'aging-wip.png');
    // UPDATE_CHART_IMAGES=1 rewrites the picture docs/charts.md shows.
    if (process.env.UPDATE_CHART_IMAGES) {
      await writeFile(new URL('../../../docs/images/aging-wip.png', import.meta.url), chart!.png);
    }
  });

  it('gives a personal flow answer no chart', () => {
    const { agingChart: _none, ...personal } = flowView;
    assert.equal(chartsOfView({ ...personal, personal: true }), undefined);
  });

  it('leaves the view as it was when the chart cannot be drawn', async () => {
    const broken = { ...sprint, burndown: { ...sprint.burndown, days: [{ day: 'not a date', ideal: 1 }] } };
    const shown = await attachChartImage(broken, only(broken), renderer, silent);
    assert.deepEqual(shown, broken);
  });
});
