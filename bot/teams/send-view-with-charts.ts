import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { renderDoraChartForTeams } from '../../cards/teams/dora-chart.ts';
import { renderViewForTeams } from '../../cards/teams/render-view.ts';
import type { View } from '../../handlers/types.ts';
import { attachChartImage, isInlineChartView } from '../charts/attach-chart-image.ts';
import type { ChartRenderer } from '../charts/chart-renderer.ts';
import { chartsOfView, renderCharts, TEAMS_CHART_SIZE } from '../charts/view-charts.ts';

const cardOf = (card: ReturnType<typeof renderViewForTeams>) =>
  MessageFactory.attachment(CardFactory.adaptiveCard(card));

/**
 * An answer's card with its charts. The burndown and aging WIP go inside the card as a data URL; /dora's two
 * follow as a card each, since two images in one card would pass Teams' message size. A chart that
 * cannot be drawn is logged and left out: the answer itself is always sent.
 */
export async function sendViewWithCharts(
  context: TurnContext,
  view: View,
  renderer: ChartRenderer | undefined,
  log: Logger,
): Promise<void> {
  const charts = renderer ? chartsOfView(view, isInlineChartView(view) ? 'card' : 'file') : undefined;
  if (!renderer || !charts) {
    await context.sendActivity(cardOf(renderViewForTeams(view)));
    return;
  }
  if (isInlineChartView(view)) {
    const shown = await attachChartImage(view, charts.charts[0]!, renderer, log);
    await context.sendActivity(cardOf(renderViewForTeams(shown)));
    return;
  }
  await context.sendActivity(cardOf(renderViewForTeams(view)));
  try {
    for (const chart of await renderCharts(renderer, charts.charts, TEAMS_CHART_SIZE)) {
      const image = {
        title: chart.title,
        altText: chart.altText,
        dataUrl: `data:image/png;base64,${chart.png.toString('base64')}`,
      };
      await context.sendActivity(cardOf(renderDoraChartForTeams(image, charts.caption)));
    }
  } catch (error) {
    log.warn({ err: error, view: view.kind }, 'charts not delivered');
  }
}
