import { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import type { TeamsDeps } from '../teams-deps.ts';
import { tenantOf } from './command-message.ts';
import { teamsUserIdOf } from '../teams-user-id.ts';

const SAVING = Symbol('em-agent.rememberConversation');

/** Conversations this process has stored as they are now; bounded, since it only saves writes. */
const REMEMBERED_LIMIT = 10_000;

/**
 * Keeps a conversation reference for every conversation the bot hears from, and for a personal chat whose it
 * is, so approval requests can be posted there later. It runs beside the turn (a slow database must not hold
 * up the answer) and the turn waits for it at the end, so the reference is stored once the request returns.
 */
export function register(app: Application, deps: TeamsDeps): void {
  const { conversations } = deps;
  if (!conversations) return;
  // Every viewer's refresh of a shared card is an activity: write only what changed since this process last wrote.
  const remembered = new Map<string, string>();
  app.turn('beforeTurn', async (context) => {
    const tenantId = tenantOf(context, deps);
    const { conversation, from } = context.activity;
    if (!tenantId || !conversation?.id || !from?.id) return true;
    const conversationType =
      conversation.conversationType ?? (conversation.isGroup ? 'groupChat' : 'personal');
    const personal = conversationType === 'personal';
    const fields = {
      tenantId,
      conversationId: conversation.id,
      conversationType,
      aadObjectId: personal ? teamsUserIdOf(from) : null,
      teamsUserId: personal ? from.id : null,
    };
    const key = `${tenantId}\n${conversation.id}`;
    const fingerprint = JSON.stringify([fields, context.activity.serviceUrl]);
    if (remembered.get(key) === fingerprint) return true;
    const reference = TurnContext.getConversationReference(context.activity);
    const saving = conversations
      .remember({ ...fields, reference: JSON.parse(JSON.stringify(reference)) })
      .then(() => {
        if (remembered.size >= REMEMBERED_LIMIT) remembered.clear();
        remembered.set(key, fingerprint);
      })
      .catch((error: unknown) =>
        deps.log.warn({ err: error }, 'could not store the Teams conversation reference'),
      );
    context.turnState.set(SAVING, saving);
    return true;
  });
  app.turn('afterTurn', async (context) => {
    await context.turnState.get(SAVING);
    return true;
  });
}
