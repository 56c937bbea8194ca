import type { Application } from '@microsoft/teams-ai';
import type { TeamsDeps } from '../teams-deps.ts';
import { sendView, tenantOf } from './command-message.ts';
import { teamsUserIdOf } from '../teams-user-id.ts';

/**
 * When someone installs the bot, it introduces itself with the help card instead of waiting in silence; in a
 * personal chat their home card follows (never in a team or group chat, where others would read it).
 */
export function register(app: Application, deps: TeamsDeps): void {
  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient.id;
    const botWasAdded = context.activity.membersAdded?.some((member) => member.id === botId);
    const tenantId = tenantOf(context, deps);
    if (!botWasAdded || !tenantId) return;
    deps.metrics.chatEvents.inc({ surface: 'teams', kind: 'installed' });
    await deps.tenants.ensure(tenantId, 'teams');
    const reply = await deps.runCommand({
      actor: { surface: 'teams', tenantId, userId: context.activity.from.id },
      name: 'help',
      args: [],
      rawArgs: '',
    });
    await sendView(context, reply.view);
    if ((context.activity.conversation.conversationType ?? 'personal') !== 'personal') return;
    const home = await deps.runCommand({
      actor: {
        surface: 'teams',
        tenantId,
        userId: teamsUserIdOf(context.activity.from),
      },
      conversationId: context.activity.conversation.id,
      name: 'home',
      args: [],
      rawArgs: '',
    });
    await sendView(context, home.view);
  });
}
