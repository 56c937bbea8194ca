import type { Logger } from 'pino';
import type { FlowView } from '../../handlers/flow/flow-view.ts';
import type { SprintHealthView } from '../../handlers/sprint/sprint-view.ts';
import type { View } from '../../handlers/types.ts';
import type { ChartRenderer } from './chart-renderer.ts';
import type { ViewChart } from './view-charts.ts';

/**
 * Teams shows a chart as a data URL inside the card. Some Adaptive Card renderers refuse data URLs past about
 * 65,500 characters (microsoft/AdaptiveCards#2881) and the whole message has a size limit, so the image is kept
 * under this many characters: drawn at 1x, smaller if it does not fit, left out if nothing fits.
 */
export const MAX_CHART_DATA_URL = 28_000;
const SIZES = [
  { width: 560, height: 320, pixelRatio: 1 },
  { width: 440, height: 260, pixelRatio: 1 },
];

/** The answers whose one chart goes inside their own card. */
export type InlineChartView = SprintHealthView | FlowView;
export const isInlineChartView = (view: View): view is InlineChartView =>
  view.kind === 'sprint-health' || view.kind === 'flow';

/** The PNG data URL of a chart within the size budget, or undefined when none fits. */
export async function chartDataUrlOf(chart: ViewChart, renderer: ChartRenderer): Promise<string | undefined> {
  const spec = chart.spec();
  for (const size of SIZES) {
    const url = `data:image/png;base64,${(await renderer.renderPng(spec, size)).toString('base64')}`;
    if (url.length <= MAX_CHART_DATA_URL) return url;
  }
  return undefined;
}

/** The view with its chart drawn in, for surfaces that show images inline; unchanged if drawing fails. */
export async function attachChartImage<T extends InlineChartView>(
  view: T,
  chart: ViewChart,
  renderer: ChartRenderer,
  log: Logger,
): Promise<T> {
  try {
    const dataUrl = await chartDataUrlOf(chart, renderer);
    if (!dataUrl) {
      log.warn({ view: view.kind, chart: chart.filename }, 'chart too large for the card, left out');
      return view;
    }
    return { ...view, chartImage: { dataUrl, altText: chart.altText } };
  } catch (error) {
    log.warn(
      { err: error instanceof Error ? error.message : String(error), view: view.kind, chart: chart.filename },
      'could not draw the chart',
    );
    return view;
  }
}
