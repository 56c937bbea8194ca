import type { TeamsConversationModel } from '../../data/models/teams-conversation.ts';
import type { ApprovalServices } from '../../handlers/approvals/types.ts';
import type { ChatDeps } from '../chat-deps.ts';

export interface TeamsDeps extends ChatDeps {
  /** Tenant for activities that carry none (Bot Framework Emulator); set only in demo mode. */
  fallbackTenantId?: string;
  /** Conversation references, kept from every activity so the bot can post approvals proactively. */
  conversations?: TeamsConversationModel;
  /** Approval cards' buttons decide through these; absent when approvals are not wired. */
  approvals?: ApprovalServices;
}
