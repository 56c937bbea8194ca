import {
  CardFactory,
  MessageFactory,
  type CloudAdapter,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import type {
  TeamsConversationFields,
  TeamsConversationModel,
} from '../../data/models/teams-conversation.ts';
import type {
  Approval,
  ApprovalNotifier,
  DecisionAudience,
  PostedMessage,
} from '../../handlers/approvals/types.ts';
import { aadIdsOf, approvalCardFor, type ApprovalCardDeps } from './approval-card.ts';

export interface TeamsApprovalNotifierOptions extends ApprovalCardDeps {
  /** The surface's adapter; a getter, because the Teams surface is built after the approval services. */
  adapter(): Pick<CloudAdapter, 'continueConversationAsync'>;
  /** MICROSOFT_APP_ID; without it (demo) proactive sends go to the serviceUrl unauthenticated, as the Emulator expects. */
  appId?: string;
  conversations: TeamsConversationModel;
  log: Logger;
}

type StoredConversation = Pick<
  TeamsConversationFields,
  'conversationId' | 'conversationType' | 'aadObjectId' | 'reference'
>;

const NOTES: Record<DecisionAudience['occasion'], string | undefined> = {
  request: undefined,
  reminder: 'Reminder: this is still waiting for a decision.',
  escalation: 'Escalated: nobody decided in time, so it now comes to you as well.',
};

/**
 * Delivers approvals in Teams: the request card where people will decide (the channel or group chat it was
 * asked from, else the personal chat of each `teams:` approver who has talked to the bot), edits of every posted
 * card as the approval changes (each personal chat gets its owner's view), and the outcome to the requester.
 * People the bot has no conversation with are skipped and logged: Teams lets a bot write first only there.
 */
export function createTeamsApprovalNotifier(options: TeamsApprovalNotifierOptions): ApprovalNotifier {
  const { conversations, log } = options;

  async function withConversation(
    stored: StoredConversation,
    logic: (context: TurnContext) => Promise<void>,
  ) {
    const reference = stored.reference as Partial<ConversationReference>;
    await options.adapter().continueConversationAsync(options.appId ?? '', reference, logic);
  }

  function viewerOf(stored: StoredConversation) {
    return stored.conversationType === 'personal' && stored.aadObjectId
      ? { userId: `teams:${stored.aadObjectId}` }
      : null;
  }

  async function conversation(tenantId: string, conversationId: string) {
    return conversations.findOne({ tenantId, conversationId }).lean<StoredConversation>();
  }

  async function personalChat(tenantId: string, aadObjectId: string) {
    return conversations
      .findOne({ tenantId, aadObjectId, conversationType: 'personal' })
      .sort({ updatedAt: -1 })
      .lean<StoredConversation>();
  }

  /**
   * Where a request goes: the shared Teams conversation it was asked from; otherwise each reachable `teams:`
   * person in the audience, in their personal chat. A request asked from a personal chat (`policy set` sent to
   * the bot) goes to the approvers, and its card in the asker's chat shows them how it stands.
   */
  async function targetsOf(approval: Approval, audience: DecisionAudience): Promise<StoredConversation[]> {
    const fields = { traceId: approval.trace_id, approvalId: approval.id };
    const targets: StoredConversation[] = [];
    if (approval.conversation?.surface === 'teams') {
      const stored = await conversation(approval.tenantId, approval.conversation.id);
      if (!stored)
        log.warn(fields, 'the Teams conversation of this approval is unknown to the bot; not posted');
      else if (stored.conversationType !== 'personal') return [stored];
      // Only the first request: reminders and escalations are for the deciders.
      else if (audience.occasion === 'request') targets.push(stored);
    }
    for (const aadObjectId of aadIdsOf(audience.users)) {
      const stored = await personalChat(approval.tenantId, aadObjectId);
      if (!stored)
        log.info({ ...fields, aadObjectId }, 'approver has no personal chat with the bot yet; skipped');
      else if (!targets.some((target) => target.conversationId === stored.conversationId))
        targets.push(stored);
    }
    return targets;
  }

  async function post(approval: Approval, stored: StoredConversation, note?: string): Promise<PostedMessage> {
    const card = await approvalCardFor(options, approval, viewerOf(stored), note ? { note } : {});
    let messageId = '';
    await withConversation(stored, async (context) => {
      const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      messageId = sent?.id ?? '';
    });
    return { surface: 'teams', conversation: stored.conversationId, messageId };
  }

  async function update(approval: Approval, message: PostedMessage): Promise<void> {
    const stored = await conversation(approval.tenantId, message.conversation);
    if (!stored) return;
    const card = await approvalCardFor(options, approval, viewerOf(stored));
    await withConversation(stored, async (context) => {
      await context.updateActivity({
        ...MessageFactory.attachment(CardFactory.adaptiveCard(card)),
        id: message.messageId,
      });
    });
  }

  return {
    async requestDecision(approval, audience) {
      const posted: PostedMessage[] = [];
      for (const target of await targetsOf(approval, audience)) {
        try {
          posted.push(await post(approval, target, NOTES[audience.occasion]));
        } catch (error) {
          log.warn(
            { traceId: approval.trace_id, approvalId: approval.id, err: error },
            'could not post the approval request in Teams',
          );
        }
      }
      return posted.filter((message) => message.messageId !== '');
    },

    async refresh(approval) {
      const messages = approval.messages.filter((message) => message.surface === 'teams');
      const results = await Promise.allSettled(messages.map((message) => update(approval, message)));
      const failed = results.filter((result) => result.status === 'rejected');
      if (failed.length > 0) {
        log.warn(
          {
            traceId: approval.trace_id,
            approvalId: approval.id,
            failed: failed.length,
            err: failed[0]!.reason,
          },
          'could not update approval cards in Teams',
        );
      }
    },

    async tellRequester(approval, text) {
      const [requester] = aadIdsOf([approval.requester]);
      const stored =
        (requester ? await personalChat(approval.tenantId, requester) : null) ??
        (approval.conversation?.surface === 'teams'
          ? await conversation(approval.tenantId, approval.conversation.id)
          : null);
      if (!stored) return;
      await withConversation(stored, async (context) => {
        await context.sendActivity(MessageFactory.text(text));
      });
    },
  };
}
