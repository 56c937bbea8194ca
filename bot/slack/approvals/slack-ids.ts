import type { Approval } from '../../../handlers/approvals/types.ts';

/** The Slack user id in a policy user id (`slack:U0123` → `U0123`); undefined for anyone else. */
export function slackUserIdOf(policyUserId: string): string | undefined {
  const match = /^slack:([UW][A-Z0-9]+)$/i.exec(policyUserId);
  return match ? match[1]!.toUpperCase() : undefined;
}

/** The Slack conversation the requester asked to see the request in, if it is one. */
export function slackConversationOf(approval: Approval): string | undefined {
  return approval.conversation?.surface === 'slack' ? approval.conversation.id : undefined;
}

/** The first Slack message posted into a conversation for this approval: replies go in its thread. */
export function threadParentIn(approval: Approval, conversation: string): string | undefined {
  return approval.messages.find(
    (message) => message.surface === 'slack' && message.conversation === conversation,
  )?.messageId;
}
