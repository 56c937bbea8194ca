import type { WebClient } from '@slack/web-api';
import { escapeMrkdwn } from '../../../cards/slack/mrkdwn.ts';
import type { SlackListenerDeps } from '../slack-deps.ts';

/** Where a person clicked: a message in a conversation, or their App Home. Kept in a modal's metadata. */
export type ClickOrigin = { kind: 'message'; channel: string; threadTs?: string } | { kind: 'home' };

/** The origin of a block action, from its container (`message` or `view`). */
export function clickOriginOf(body: {
  container?: Record<string, unknown>;
  channel?: { id: string };
}): ClickOrigin {
  const container = body.container ?? {};
  if (container.type === 'view' || !body.channel) return { kind: 'home' };
  const threadTs = typeof container.thread_ts === 'string' ? container.thread_ts : undefined;
  return { kind: 'message', channel: body.channel.id, ...(threadTs ? { threadTs } : {}) };
}

/**
 * Tells the person who clicked what came of it, privately: an ephemeral message where they clicked (a direct
 * message when the bot cannot post there, e.g. the ephemeral `/em approvals` list in a channel the bot is not
 * in), or their App Home, published again with the answer on top.
 */
export async function answerClicker(
  deps: Pick<SlackListenerDeps, 'homes' | 'log'>,
  client: WebClient,
  who: { tenantId: string; userId: string },
  origin: ClickOrigin,
  text: string,
): Promise<void> {
  if (origin.kind === 'home') {
    await deps.homes.publishNow(who, text);
    return;
  }
  try {
    await client.chat.postEphemeral({
      channel: origin.channel,
      user: who.userId,
      text: escapeMrkdwn(text),
      ...(origin.threadTs ? { thread_ts: origin.threadTs } : {}),
    });
  } catch (error) {
    deps.log.warn(
      { err: error },
      'could not answer privately where the person clicked; sending a direct message',
    );
    await client.chat.postMessage({ channel: who.userId, text: escapeMrkdwn(text) });
  }
}
