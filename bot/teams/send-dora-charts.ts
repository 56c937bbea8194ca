import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { renderDoraChartForTeams } from '../../cards/teams/dora-chart.ts';
import type { DoraView } from '../../handlers/metrics/dora-view.ts';
import type { ChartRenderer } from '../charts/chart-renderer.ts';
import { renderDoraCharts, TEAMS_CHART_SIZE } from '../charts/render-dora-charts.ts';

/** The charts of a `dora` answer, each a card with a 1x PNG data URI, sent after the figures. */
export async function sendDoraCharts(context: TurnContext, view: DoraView, renderer: ChartRenderer) {
  const charts = await renderDoraCharts(renderer, view.charts, TEAMS_CHART_SIZE);
  const caption = `${view.scopeLabel}, ${view.rangeLabel} (${view.from} to ${view.to})`;
  for (const chart of charts) {
    const image = {
      chart: chart.chart,
      title: chart.title,
      altText: chart.altText,
      dataUrl: `data:image/png;base64,${chart.png.toString('base64')}`,
    };
    await context.sendActivity(
      MessageFactory.attachment(CardFactory.adaptiveCard(renderDoraChartForTeams(image, caption))),
    );
  }
}
