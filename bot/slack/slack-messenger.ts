import { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { renderNoticeForSlack } from '../../cards/slack/notice.ts';
import type { NoticeView } from '../../handlers/types.ts';
import type { SlackConfig } from '../config.ts';
import { boltLogger } from './bolt-logger.ts';

export interface SlackMessenger {
  /** Posts to a user id (the app's direct message with them) or a channel id; false when Slack refuses. */
  send(channel: string, message: NoticeView): Promise<boolean>;
}

export function createSlackMessenger(client: WebClient, log: Logger): SlackMessenger {
  return {
    async send(channel, message) {
      try {
        await client.chat.postMessage({ channel, ...renderNoticeForSlack(message) });
        return true;
      } catch (error) {
        log.warn({ err: error, channel }, 'could not post a Slack message');
        return false;
      }
    },
  };
}

/** The messenger of the env-configured workspace, with its own Web API client (bounded retries). */
export function slackMessenger(config: SlackConfig, log: Logger): SlackMessenger {
  const client = new WebClient(config.botToken, {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: 2, minTimeout: 500, maxTimeout: 2_000 },
    timeout: 10_000,
    logger: boltLogger(log),
  });
  return createSlackMessenger(client, log.child({ component: 'slack-messenger' }));
}
