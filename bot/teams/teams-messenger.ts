import { CardFactory, MessageFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import { renderNoticeForTeams } from '../../cards/teams/notice.ts';
import type { TeamsConversationModel } from '../../data/models/teams-conversation.ts';
import type { NoticeView } from '../../handlers/types.ts';

export interface TeamsMessenger {
  /** To the person's personal chat with the bot (by AAD object id); false when they have none. */
  sendDirect(tenantId: string, aadObjectId: string, message: NoticeView): Promise<boolean>;
  /** To a conversation the bot has seen (a channel, a group chat); false when it has not. */
  post(tenantId: string, conversationId: string, message: NoticeView): Promise<boolean>;
}

export interface TeamsMessengerOptions {
  /** A getter: the Teams surface is built after the parts that send. */
  adapter(): Pick<CloudAdapter, 'continueConversationAsync'>;
  appId?: string;
  conversations: TeamsConversationModel;
  log: Logger;
}

/**
 * Proactive Teams messages through stored conversation references. Teams lets a bot write first only where
 * it has been spoken to (or installed), so a person without a personal chat with the bot is unreachable.
 */
export function createTeamsMessenger(options: TeamsMessengerOptions): TeamsMessenger {
  const { conversations, log } = options;

  async function send(reference: Record<string, unknown>, message: NoticeView): Promise<boolean> {
    try {
      await options
        .adapter()
        .continueConversationAsync(
          options.appId ?? '',
          reference as Partial<ConversationReference>,
          async (context) => {
            await context.sendActivity(
              MessageFactory.attachment(CardFactory.adaptiveCard(renderNoticeForTeams(message))),
            );
          },
        );
      return true;
    } catch (error) {
      log.warn({ err: error }, 'could not send a Teams message');
      return false;
    }
  }

  return {
    async sendDirect(tenantId, aadObjectId, message) {
      const stored = await conversations
        .findOne({ tenantId, aadObjectId: aadObjectId.toLowerCase(), conversationType: 'personal' })
        .sort({ updatedAt: -1 })
        .lean();
      return stored ? send(stored.reference, message) : false;
    },
    async post(tenantId, conversationId, message) {
      const stored = await conversations.findOne({ tenantId, conversationId }).lean();
      return stored ? send(stored.reference, message) : false;
    },
  };
}
