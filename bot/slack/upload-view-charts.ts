import type { WebClient } from '@slack/web-api';
import type { ChartRenderer } from '../charts/chart-renderer.ts';
import { renderCharts, SLACK_CHART_SIZE, type ViewCharts } from '../charts/view-charts.ts';

/** Slack's limit on a file's alt text. */
const ALT_TEXT_MAX = 1000;

/**
 * An answer's charts, uploaded (files.uploadV2: getUploadURLExternal per file, the uploads, then one
 * completeUploadExternal) into the asker's direct message with the bot: the answers with charts are ephemeral,
 * and an ephemeral message cannot carry files.
 */
export async function uploadViewCharts(
  client: WebClient,
  userId: string,
  { caption, charts }: ViewCharts,
  renderer: ChartRenderer,
): Promise<void> {
  const rendered = await renderCharts(renderer, charts, SLACK_CHART_SIZE);
  const opened = await client.conversations.open({ users: userId });
  const channel = opened.channel?.id;
  if (!channel) throw new Error('conversations.open returned no channel');
  await client.files.uploadV2({
    channel_id: channel,
    initial_comment: `${rendered.length === 1 ? 'Chart' : 'Charts'} for ${caption}`,
    file_uploads: rendered.map((chart) => ({
      file: chart.png,
      filename: chart.filename,
      title: chart.title,
      alt_text: chart.altText.slice(0, ALT_TEXT_MAX),
    })),
  });
}
