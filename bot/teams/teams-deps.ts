import type { TeamsConversationModel } from '../../data/models/teams-conversation.ts';
import type { ApprovalServices } from '../../handlers/approvals/types.ts';
import type { ChatPoster } from '../../handlers/delivery/types.ts';
import type { ChartRenderer } from '../charts/chart-renderer.ts';
import type { ChatDeps } from '../chat-deps.ts';

export interface TeamsDeps extends ChatDeps {
  /** Without app credentials (demo mode), replies go only to a serviceUrl on this machine or one of these origins. */
  demoServiceUrls?: readonly string[];
  /** Conversation references, kept from every activity so the bot can post approvals proactively. */
  conversations?: TeamsConversationModel;
  /** Approval cards' buttons decide through these; absent when approvals are not wired. */
  approvals?: ApprovalServices;
  /** Sends an answer about the asker alone to their personal chat when they asked in a channel or group chat. */
  direct?: Pick<ChatPoster, 'sendDirect'>;
  /** Draws the charts cards show inline (the sprint burndown); without it cards go without images. */
  charts?: ChartRenderer;
}
