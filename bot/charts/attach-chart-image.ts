import type { Logger } from 'pino';
import { buildBurndownChart } from '../../cards/charts/burndown-chart.ts';
import type { View } from '../../handlers/types.ts';
import type { ChartRenderer } from './chart-renderer.ts';

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

/** The PNG data URL of a view's chart within the size budget, or undefined when it has none or none fits. */
export async function chartDataUrlOf(view: View, renderer: ChartRenderer): Promise<string | undefined> {
  if (view.kind !== 'sprint-health') return undefined;
  const spec = buildBurndownChart(view.burndown);
  for (const size of SIZES) {
    const url = `data:image/png;base64,${(await renderer.renderPng(spec, size)).toString('base64')}`;
    if (url.length <= MAX_CHART_DATA_URL) return url;
  }
  return undefined;
}

/** The view with its chart drawn in, for surfaces that show images inline; unchanged if drawing fails. */
export async function attachChartImage(view: View, renderer: ChartRenderer, log: Logger): Promise<View> {
  if (view.kind !== 'sprint-health') return view;
  try {
    const dataUrl = await chartDataUrlOf(view, renderer);
    if (!dataUrl) return view;
    const unit = view.burndown.unit === 'points' ? 'story points' : 'issues';
    return {
      ...view,
      chartImage: {
        dataUrl,
        altText: `Burndown of ${view.sprintName}: ${unit} left each day against the ideal line.`,
      },
    };
  } catch (error) {
    log.warn(
      { err: error instanceof Error ? error.message : String(error) },
      'could not draw the sprint burndown',
    );
    return view;
  }
}
