import {
  CardFactory,
  MessageFactory,
  TurnContext,
  type Activity,
  type CloudAdapter,
  type ConversationReference,
} from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { Logger } from 'pino';
import { renderViewForTeams } from '../../cards/teams/render-view.ts';
import type {
  TeamsConversationFields,
  TeamsConversationModel,
} from '../../data/models/teams-conversation.ts';
import type { Delivery } from '../../handlers/delivery/types.ts';
import type { View } from '../../handlers/types.ts';
import { createSurfacePace, type Pace } from '../send-pacing.ts';
import {
  callWithRetries,
  CONNECTOR_RETRY_POLICY,
  statusOf,
  type RetryPolicy,
} from './retry-connector-call.ts';

export interface TeamsPoster {
  /** To the person's personal chat with the bot, by AAD object id. */
  sendDirect(tenantId: string, aadObjectId: string, view: View): Promise<Delivery>;
  /** To a conversation the bot has seen; in a channel, `replyTo` (a root message's id) puts it in that thread. */
  post(tenantId: string, conversationId: string, view: View, replyTo?: string): Promise<Delivery>;
  update(tenantId: string, conversationId: string, activityId: string, view: View): Promise<Delivery>;
}

export interface TeamsPosterOptions {
  /** A getter: the Teams surface is built after the parts that send. */
  adapter(): Pick<CloudAdapter, 'continueConversationAsync'>;
  appId?: string;
  conversations: TeamsConversationModel;
  log: Logger;
  /** Connector requests per second per tenant: Teams allows an app 50. */
  perSecond?: number;
  retry?: RetryPolicy;
}

type StoredConversation = Pick<TeamsConversationFields, 'conversationType' | 'reference'>;

/** A channel thread's conversation id, as the connector takes it for a reply in that thread. */
const threadOf = (conversationId: string, rootId: string) => `${conversationId};messageid=${rootId}`;

/** The conversation an id (maybe a channel thread's) belongs to, as stored. */
const baseIdOf = (conversationId: string) => conversationId.split(';')[0]!;

/** A short code for a refused call: `ratelimited` once throttling outlasted the retries, else the status. */
function errorCodeOf(error: unknown): string {
  const status = statusOf(error);
  if (status === 429) return 'ratelimited';
  return status === undefined ? 'request_failed' : `http_${status}`;
}

/**
 * The connector client's own pipeline retries 5xx and throttling three times; on top of ours that would multiply
 * the attempts (and retry a 500), so only our policy retries.
 */
function dropPipelineRetries(client: ConnectorClient): void {
  const inner = (
    client as unknown as { client?: { pipeline?: { removePolicy(o: { name: string }): unknown } } }
  ).client;
  inner?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
}

/**
 * Proactive Teams messages through stored conversation references (Teams lets a bot write first only where it
 * has been spoken to or installed). Every connector request waits for the tenant's pace and is retried on the
 * passing statuses (`retry-connector-call.ts`).
 */
export function createTeamsPoster(options: TeamsPosterOptions): TeamsPoster {
  const { conversations, log } = options;
  const paces = new Map<string, Pace>();
  const paceOf = (tenantId: string) => {
    let pace = paces.get(tenantId);
    if (!pace) paces.set(tenantId, (pace = createSurfacePace(options.perSecond ?? 50)));
    return pace;
  };

  /** The card as an activity from the bot in `conversationId` (a thread of the stored conversation, maybe). */
  function activityOf(stored: StoredConversation, conversationId: string, view: View): Partial<Activity> {
    const reference = stored.reference as Partial<ConversationReference>;
    const activity = TurnContext.applyConversationReference(
      MessageFactory.attachment(CardFactory.adaptiveCard(renderViewForTeams(view))),
      reference,
    );
    // The stored reference names the last message the bot received; a new message replies to none of them.
    delete activity.replyToId;
    return { ...activity, conversation: { ...activity.conversation!, id: conversationId } };
  }

  async function deliver(
    tenantId: string,
    stored: StoredConversation,
    conversationId: string,
    call: (client: ConnectorClient) => Promise<{ id?: string }>,
  ): Promise<Delivery> {
    let activityId = '';
    try {
      await options
        .adapter()
        .continueConversationAsync(
          options.appId ?? '',
          stored.reference as Partial<ConversationReference>,
          async (context) => {
            const client = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
            dropPipelineRetries(client);
            const sent = await callWithRetries(async () => {
              await paceOf(tenantId).wait();
              return call(client);
            }, options.retry ?? CONNECTOR_RETRY_POLICY);
            activityId = sent.id ?? '';
          },
        );
      return { ok: true, ref: { surface: 'teams', conversationId, activityId } };
    } catch (error) {
      const code = errorCodeOf(error);
      // Only the message of an error without a status (no token, no network): a RestError carries the request.
      const reason = statusOf(error) === undefined ? { reason: (error as Error).message } : {};
      log.warn({ tenantId, conversationId, error: code, ...reason }, 'Teams refused a message');
      return { ok: false, error: code };
    }
  }

  async function conversation(tenantId: string, conversationId: string) {
    return conversations
      .findOne({ tenantId, conversationId: baseIdOf(conversationId) })
      .lean<StoredConversation>();
  }

  return {
    async sendDirect(tenantId, aadObjectId, view) {
      const stored = await conversations
        .findOne({ tenantId, aadObjectId: aadObjectId.toLowerCase(), conversationType: 'personal' })
        .sort({ updatedAt: -1 })
        .lean<StoredConversation & { conversationId: string }>();
      if (!stored) return { ok: false, error: 'no_personal_conversation' };
      const { conversationId } = stored;
      return deliver(tenantId, stored, conversationId, (client) =>
        client.conversations.sendToConversation(conversationId, activityOf(stored, conversationId, view)),
      );
    },
    async post(tenantId, conversationId, view, replyTo) {
      const stored = await conversation(tenantId, conversationId);
      if (!stored) return { ok: false, error: 'conversation_not_found' };
      // Only a channel has threads; in a chat an answer simply follows in the same conversation.
      const target =
        replyTo && stored.conversationType === 'channel' ? threadOf(conversationId, replyTo) : conversationId;
      return deliver(tenantId, stored, target, (client) =>
        client.conversations.sendToConversation(target, activityOf(stored, target, view)),
      );
    },
    async update(tenantId, conversationId, activityId, view) {
      const stored = await conversation(tenantId, conversationId);
      if (!stored) return { ok: false, error: 'conversation_not_found' };
      const delivered = await deliver(tenantId, stored, conversationId, (client) =>
        client.conversations.updateActivity(conversationId, activityId, {
          ...activityOf(stored, conversationId, view),
          id: activityId,
        }),
      );
      return delivered.ok ? { ok: true, ref: { surface: 'teams', conversationId, activityId } } : delivered;
    },
  };
}
