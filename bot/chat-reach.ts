import type { Models } from '../data/models/index.ts';
import { findChatAccounts } from '../data/identity/find-chat-accounts.ts';
import type { ChatReach } from '../handlers/ask/types.ts';
import type { SlackMessenger } from './slack/slack-messenger.ts';
import type { TeamsMessenger } from './teams/teams-messenger.ts';

/**
 * The doc-answer feature's way to people in chat: identities from `people`, messages through whichever
 * surface an account or conversation belongs to (Slack only when it is configured).
 */
export function createChatReach(
  Person: Models['Person'],
  messengers: { slack?: SlackMessenger; teams: TeamsMessenger },
): ChatReach {
  return {
    chatAccountsOf: (tenantId, name) => findChatAccounts(Person, tenantId, name),
    async sendDirect(tenantId, account, message) {
      if (account.tool === 'slack') return messengers.slack?.send(account.handle, message) ?? false;
      if (account.tool === 'teams') return messengers.teams.sendDirect(tenantId, account.handle, message);
      return false;
    },
    async post(tenantId, conversation, message) {
      if (conversation.surface === 'slack') return messengers.slack?.send(conversation.id, message) ?? false;
      return messengers.teams.post(tenantId, conversation.id, message);
    },
  };
}
