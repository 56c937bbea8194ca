import assert from 'node:assert/strict';
import pino from 'pino';
import { attachChartImage, MAX_CHART_DATA_URL } from '../../../bot/charts/attach-chart-image.ts';
import { createChartRenderer } from '../../../bot/charts/chart-renderer.ts';
import { measureSprintHealth } from '../../../handlers/sprint/sprint-health.ts';
import { buildSprintHealthView } from '../../../handlers/sprint/sprint-view.ts';
import { sprintInput } from '../../handlers/sprint/sprint-fixture.ts';

describe('the sprint burndown drawn for a Teams card (worker thread)', function () {
  this.timeout(30_000);
  const renderer = createChartRenderer();
  after(() => renderer.close());
  const view = buildSprintHealthView(measureSprintHealth(sprintInput())!, {
    whyCommand: 'sprint why 37',
    expanded: false,
  });

  it('puts a PNG data URL within the budget in the view, drawn outside this realm', async () => {
    const setJson = JSON.stringify(new Set([1]));
    const shown = await attachChartImage(view, renderer, pino({ level: 'silent' }));
    assert.equal(shown.kind, 'sprint-health');
    const image = shown.kind === 'sprint-health' ? shown.chartImage : undefined;
    assert.ok(image, 'an image');
    assert.match(image.dataUrl, /^data:image\/png;base64,iVBORw0KGgo/);
    assert.ok(image.dataUrl.length <= MAX_CHART_DATA_URL, `${image.dataUrl.length} characters`);
    assert.match(image.altText, /Burndown of ENG Sprint 14/);
    assert.equal(JSON.stringify(new Set([1])), setJson, "vega-lite's Set patch stays in the worker");
  });

  it('leaves the view as it was when the chart cannot be drawn', async () => {
    const broken = { ...view, burndown: { ...view.burndown, days: [{ day: 'not a date', ideal: 1 }] } };
    const shown = await attachChartImage(broken, renderer, pino({ level: 'silent' }));
    assert.deepEqual(shown, broken);
  });
});
