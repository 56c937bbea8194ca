import type { Models } from '../data/models/index.ts';
import { findChatAccounts } from '../data/identity/find-chat-accounts.ts';
import type { ChatReach } from '../handlers/ask/types.ts';
import type { ChatPoster } from '../handlers/delivery/types.ts';

/**
 * The doc-answer feature's way to people in chat: identities from `people`, messages through the chat poster
 * (whichever surface an account or conversation belongs to).
 */
export function createChatReach(Person: Models['Person'], poster: ChatPoster): ChatReach {
  return {
    chatAccountsOf: (tenantId, name) => findChatAccounts(Person, tenantId, name),
    async sendDirect(tenantId, account, message) {
      if (account.tool !== 'slack' && account.tool !== 'teams') return false;
      const sent = await poster.sendDirect(tenantId, { tool: account.tool, handle: account.handle }, message);
      return sent.ok;
    },
    async post(tenantId, conversation, message) {
      return (await poster.post(tenantId, conversation, message)).ok;
    },
  };
}
