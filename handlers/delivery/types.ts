import type { View } from '../types.ts';

/**
 * Delivering views to chat, channel-neutral: direct messages, channel posts (optionally in a thread) and edits
 * in place. Implemented in `bot/chat-poster.ts`; rate limits and retries are its business, so a caller sends
 * and reads the outcome. Sends never throw: a refusal comes back as `{ ok: false, error }` with a short code.
 */

export type ChatAccount = { tool: 'slack' | 'teams'; handle: string };

export type MessageRef =
  | { surface: 'slack'; channel: string; ts: string }
  | { surface: 'teams'; conversationId: string; activityId: string };

/** `error` is a short code a person can read: `ratelimited`, `channel_not_found`, `no_personal_conversation`, `http_412` … */
export type Delivery = { ok: true; ref: MessageRef } | { ok: false; error: string };

/** Options of a direct message. */
export interface DirectOptions {
  /**
   * The once-only delivery key the message is sent under. Slack carries it in the message's metadata, so that
   * `findSent` can tell later whether a send whose outcome was lost (a crash) reached the person; Teams ignores it.
   */
  key?: string;
}

export interface ChatPoster {
  /** A direct message to the person's chat account (Slack: open/post to the user id; Teams: their stored personal conversation). */
  sendDirect(tenantId: string, account: ChatAccount, view: View, options?: DirectOptions): Promise<Delivery>;
  /**
   * The direct message sent earlier under `key` (see `DirectOptions.key`), looked for among the latest messages
   * of the person's direct conversation; undefined when none is there or the surface cannot tell (Teams: bots
   * cannot read a conversation's history; a failed lookup). Absent: no surface can tell.
   */
  findSent?(tenantId: string, account: ChatAccount, key: string): Promise<MessageRef | undefined>;
  /** A message in a channel/conversation; `thread` puts it under that parent (Slack thread_ts; Teams channel: reply to the parent activity's thread via conversation id `<id>;messageid=<activityId>`, else the same conversation). */
  post(
    tenantId: string,
    conversation: { surface: 'slack' | 'teams'; id: string },
    view: View,
    options?: { thread?: MessageRef },
  ): Promise<Delivery>;
  /** Replaces a message in place (Slack chat.update; Teams updateActivity). */
  update(tenantId: string, ref: MessageRef, view: View): Promise<Delivery>;
}

/** What a refused delivery was for, so whoever is told can say which message did not arrive. */
export type DeliveryTarget =
  | { kind: 'direct'; account: ChatAccount }
  | { kind: 'post'; conversation: { surface: 'slack' | 'teams'; id: string }; thread?: MessageRef }
  | { kind: 'update'; ref: MessageRef };

/** Told once per message that is finally refused (after any retries); standups record it and tell the owner. */
export type OnRefused = (tenantId: string, target: DeliveryTarget, error: string) => void | Promise<void>;
