import type { Logger } from 'pino';
import type { ChatPoster, Delivery, DeliveryTarget, OnRefused } from '../handlers/delivery/types.ts';
import type { SlackPoster } from './slack/slack-poster.ts';
import type { TeamsPoster } from './teams/teams-poster.ts';

export interface ChatPosterOptions {
  /** Absent when Slack is not configured: Slack deliveries are then refused as `slack_not_configured`. */
  slack?: SlackPoster;
  teams: TeamsPoster;
  /** Told of every message finally refused (after the surface's retries), once each. */
  onRefused?: OnRefused;
  log: Logger;
}

const refused = (error: string): Delivery => ({ ok: false, error });

/** The delivery port over both surfaces: each call goes to the surface its account, conversation or ref names. */
export function createChatPoster(options: ChatPosterOptions): ChatPoster {
  const { slack, teams, log } = options;

  async function settle(tenantId: string, target: DeliveryTarget, delivery: Promise<Delivery>) {
    const done = await delivery;
    if (!done.ok && options.onRefused) {
      try {
        await options.onRefused(tenantId, target, done.error);
      } catch (error) {
        // Whoever listens must not turn a refused message into a failed send.
        log.error({ err: error, tenantId, error: done.error }, 'could not report a refused message');
      }
    }
    return done;
  }

  return {
    sendDirect(tenantId, account, view, { key } = {}) {
      const target: DeliveryTarget = { kind: 'direct', account };
      // Teams keeps no key: a bot cannot read its conversations back, so there is nothing to look it up in.
      if (account.tool === 'teams')
        return settle(tenantId, target, teams.sendDirect(tenantId, account.handle, view));
      return settle(
        tenantId,
        target,
        slack
          ? slack.post(account.handle, view, key ? { key } : {})
          : Promise.resolve(refused('slack_not_configured')),
      );
    },
    async findSent(_tenantId, account, key) {
      if (account.tool !== 'slack' || !slack) return undefined;
      return slack.findSent(account.handle, key);
    },
    post(tenantId, conversation, view, { thread } = {}) {
      const target: DeliveryTarget = { kind: 'post', conversation, ...(thread ? { thread } : {}) };
      if (thread && thread.surface !== conversation.surface)
        return settle(tenantId, target, Promise.resolve(refused('thread_on_other_surface')));
      if (conversation.surface === 'teams') {
        const replyTo = thread?.surface === 'teams' ? thread.activityId : undefined;
        return settle(tenantId, target, teams.post(tenantId, conversation.id, view, replyTo));
      }
      const threadTs = thread?.surface === 'slack' ? thread.ts : undefined;
      return settle(
        tenantId,
        target,
        slack
          ? slack.post(conversation.id, view, threadTs ? { threadTs } : {})
          : Promise.resolve(refused('slack_not_configured')),
      );
    },
    update(tenantId, ref, view) {
      const target: DeliveryTarget = { kind: 'update', ref };
      if (ref.surface === 'teams')
        return settle(tenantId, target, teams.update(tenantId, ref.conversationId, ref.activityId, view));
      return settle(
        tenantId,
        target,
        slack ? slack.update(ref.channel, ref.ts, view) : Promise.resolve(refused('slack_not_configured')),
      );
    },
  };
}
