import type { WebClient } from '@slack/web-api';
import { doraTitle } from '../../cards/slack/dora.ts';
import type { DoraView } from '../../handlers/metrics/dora-view.ts';
import type { ChartRenderer } from '../charts/chart-renderer.ts';
import { renderDoraCharts, SLACK_CHART_SIZE } from '../charts/render-dora-charts.ts';

/** Slack's limit on a file's alt text. */
const ALT_TEXT_MAX = 1000;

/**
 * The charts of a `/dora` answer, uploaded (files.uploadV2: getUploadURLExternal, the upload, then
 * completeUploadExternal) into the asker's direct message with the bot: the answer itself is ephemeral, and an
 * ephemeral message cannot carry files.
 */
export async function uploadDoraCharts(
  client: WebClient,
  userId: string,
  view: DoraView,
  renderer: ChartRenderer,
): Promise<void> {
  const charts = await renderDoraCharts(renderer, view.charts, SLACK_CHART_SIZE);
  const opened = await client.conversations.open({ users: userId });
  const channel = opened.channel?.id;
  if (!channel) throw new Error('conversations.open returned no channel');
  await client.files.uploadV2({
    channel_id: channel,
    initial_comment: `Charts for ${doraTitle(view)} (${view.from} to ${view.to})`,
    file_uploads: charts.map((chart) => ({
      file: chart.png,
      filename: chart.filename,
      title: chart.title,
      alt_text: chart.altText.slice(0, ALT_TEXT_MAX),
    })),
  });
}
