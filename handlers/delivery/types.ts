/** The channel-neutral way features send, thread and update messages. Implemented in bot/ for Slack and Teams. */

import type { View } from '../types.ts';

export type ChatAccount = { tool: 'slack' | 'teams'; handle: string };

export type MessageRef =
  | { surface: 'slack'; channel: string; ts: string }
  | { surface: 'teams'; conversationId: string; activityId: string };

export type Delivery = { ok: true; ref: MessageRef } | { ok: false; error: string };

export interface ChatPoster {
  /** A direct message to the person's chat account. */
  sendDirect(tenantId: string, account: ChatAccount, view: View): Promise<Delivery>;
  /** A message in a channel or conversation; `thread` puts it under that parent. */
  post(
    tenantId: string,
    conversation: { surface: 'slack' | 'teams'; id: string },
    view: View,
    options?: { thread?: MessageRef },
  ): Promise<Delivery>;
  /** Replaces a message in place. */
  update(tenantId: string, ref: MessageRef, view: View): Promise<Delivery>;
}
