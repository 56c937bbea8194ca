import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorCode, WebClient, type WebAPIRateLimitedError } from '@slack/web-api';
import type { Logger } from 'pino';
import { renderViewForSlack } from '../../cards/slack/render-view.ts';
import type { Delivery, MessageRef } from '../../handlers/delivery/types.ts';
import type { View } from '../../handlers/types.ts';
import type { SlackConfig } from '../config.ts';
import { createSurfacePace, createKeyedSpacing } from '../send-pacing.ts';
import { boltLogger } from './bolt-logger.ts';

export interface SlackPostOptions {
  /** Puts the message in that thread. */
  threadTs?: string;
  /** A once-only delivery key, carried in the message's metadata (`DELIVERY_EVENT_TYPE`) for `findSent`. */
  key?: string;
}

export interface SlackPoster {
  /** To a user id (the app's direct message with them) or a channel id. */
  post(channel: string, view: View, options?: SlackPostOptions): Promise<Delivery>;
  update(channel: string, ts: string, view: View): Promise<Delivery>;
  /**
   * The message posted with `key` in the app's direct message with `user`, among its latest `HISTORY_LOOKBACK`
   * messages (conversations.open, then conversations.history with the metadata; needs `im:history`). Undefined
   * when it is not there, or when Slack could not be asked (logged): the caller then sends again.
   */
  findSent(user: string, key: string): Promise<MessageRef | undefined>;
}

/** The metadata event type of messages sent under a once-only delivery key (`event_payload.key`). */
export const DELIVERY_EVENT_TYPE = 'em_agent_delivery';

/**
 * How many of a direct message's latest messages `findSent` reads. A takeover happens minutes after the lost
 * send, and the bot sends a member only a few messages a day: the lost one is among the last few.
 */
const HISTORY_LOOKBACK = 20;

export interface SlackPosterOptions {
  log: Logger;
  /** chat.postMessage calls per second for the whole workspace. */
  perSecond?: number;
}

/** Attempts in all when Slack answers 429: each waits out its Retry-After first. */
const RATE_LIMITED_TRIES = 5;

/**
 * Slack allows about one message a second per channel. A little over a second, so that network jitter never
 * makes two look closer together when they arrive.
 */
const CHANNEL_SPACING_MS = 1_050;

const isRateLimited = (error: unknown): error is WebAPIRateLimitedError =>
  (error as { code?: unknown } | null)?.code === ErrorCode.RateLimitedError;

/** A short code for a refused call: Slack's own error (`channel_not_found`), else what went wrong on the way. */
function errorCodeOf(error: unknown): string {
  const failed = error as { code?: unknown; data?: { error?: unknown }; statusCode?: unknown } | null;
  switch (failed?.code) {
    case ErrorCode.PlatformError:
      return String(failed.data?.error ?? 'platform_error');
    case ErrorCode.RateLimitedError:
      return 'ratelimited';
    case ErrorCode.HTTPError:
      return `http_${String(failed.statusCode)}`;
    default:
      return 'request_failed';
  }
}

/** A read call, its 429s waited out (Retry-After) up to `RATE_LIMITED_TRIES` attempts in all. */
async function withRateLimitRetries<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!isRateLimited(error) || attempt >= RATE_LIMITED_TRIES) throw error;
      await sleep(error.retryAfter * 1_000);
    }
  }
}

/**
 * A Web API client that hands every 429 back to us (the poster waits Retry-After and retries) and retries
 * nothing else: a timed-out or failed post may have landed, and a second one would be a duplicate.
 */
export function createPostingClient(
  config: Pick<SlackConfig, 'botToken' | 'apiUrl'>,
  log: Logger,
): WebClient {
  return new WebClient(config.botToken, {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 10_000,
    logger: boltLogger(log),
  });
}

/**
 * Posts and edits Slack messages. Posts keep Slack's pace before they leave: about one a second per channel
 * and `perSecond` for the workspace, evenly spaced, so thousands sent at once go as fast as Slack allows
 * without being refused. A 429 still pauses every post for its Retry-After before the retry.
 */
export function createSlackPoster(client: WebClient, options: SlackPosterOptions): SlackPoster {
  const { log } = options;
  const workspace = createSurfacePace(options.perSecond ?? 50);
  const channels = createKeyedSpacing(CHANNEL_SPACING_MS);

  async function deliver(
    channel: string,
    call: () => Promise<{ channel?: string; ts?: string }>,
    paced: boolean,
  ): Promise<Delivery> {
    for (let attempt = 1; ; attempt += 1) {
      if (paced) await channels.wait(channel, workspace);
      try {
        const sent = await call();
        return { ok: true, ref: { surface: 'slack', channel: sent.channel ?? channel, ts: sent.ts ?? '' } };
      } catch (error) {
        if (isRateLimited(error) && attempt < RATE_LIMITED_TRIES) {
          const retryAfterMs = error.retryAfter * 1_000;
          if (paced) workspace.pauseFor(retryAfterMs);
          else await sleep(retryAfterMs);
          continue;
        }
        const code = errorCodeOf(error);
        // Why a request failed (a timeout, a refused connection), never the error itself: it holds the body.
        const reason = code === 'request_failed' ? { reason: (error as Error).message } : {};
        log.warn({ channel, error: code, attempts: attempt, ...reason }, 'Slack refused a message');
        return { ok: false, error: code };
      }
    }
  }

  return {
    post(channel, view, { threadTs, key } = {}) {
      const message = renderViewForSlack(view);
      return deliver(
        channel,
        () =>
          client.chat.postMessage({
            channel,
            ...message,
            ...(threadTs ? { thread_ts: threadTs } : {}),
            ...(key ? { metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { key } } } : {}),
          }),
        true,
      );
    },
    update(channel, ts, view) {
      return deliver(channel, () => client.chat.update({ channel, ts, ...renderViewForSlack(view) }), false);
    },
    async findSent(user, key) {
      try {
        const opened = await withRateLimitRetries(() => client.conversations.open({ users: user }));
        const channel = opened.channel?.id;
        if (!channel) return undefined;
        const history = await withRateLimitRetries(() =>
          client.conversations.history({ channel, include_all_metadata: true, limit: HISTORY_LOOKBACK }),
        );
        const found = history.messages?.find(
          (message) =>
            message.metadata?.event_type === DELIVERY_EVENT_TYPE &&
            (message.metadata.event_payload as { key?: unknown } | undefined)?.key === key,
        );
        return found?.ts ? { surface: 'slack', channel, ts: found.ts } : undefined;
      } catch (error) {
        // Not knowing is not knowing it was sent: the caller sends again, a duplicate at worst, never a loss.
        log.warn({ user, error: errorCodeOf(error) }, 'could not look for an earlier message in the DM');
        return undefined;
      }
    },
  };
}

/** The poster of the env-configured workspace, with its own Web API client. */
export function slackPoster(config: SlackConfig, log: Logger): SlackPoster {
  const child = log.child({ component: 'slack-poster' });
  return createSlackPoster(createPostingClient(config, child), { log: child });
}
