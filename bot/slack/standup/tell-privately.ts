import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { renderViewForSlack } from '../../../cards/slack/render-view.ts';
import type { View } from '../../../handlers/types.ts';

/** An ephemeral message in the channel the person worked from, else (no channel, bot not in it) a direct message. */
export async function tellPrivately(
  client: WebClient,
  log: Logger,
  userId: string,
  channel: string | undefined,
  view: View,
): Promise<void> {
  const message = renderViewForSlack(view);
  if (channel) {
    try {
      await client.chat.postEphemeral({ channel, user: userId, ...message });
      return;
    } catch (error) {
      log.debug({ err: error }, 'could not answer in the channel; sending a direct message instead');
    }
  }
  try {
    await client.chat.postMessage({ channel: userId, ...message });
  } catch (error) {
    log.warn({ err: error }, 'could not tell a person about their standup set-up');
  }
}
