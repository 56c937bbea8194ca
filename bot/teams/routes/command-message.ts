import { ActivityTypes, CardFactory, MessageFactory, TeamsInfo, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { renderViewForTeams } from '../../../cards/teams/render-view.ts';
import { parseCommandText } from '../../../handlers/run-command.ts';
import type { View } from '../../../handlers/types.ts';
import type { TeamsDeps } from '../teams-deps.ts';
import { userFacingError } from '../../user-facing-error.ts';
import { teamsUserIdOf } from '../teams-user-id.ts';
import { sendViewWithCharts } from '../send-view-with-charts.ts';

export function sendView(context: TurnContext, view: View) {
  return context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(renderViewForTeams(view))));
}

/** The tenant a Teams activity is served from: its organisation's (demo mode: the demo tenant's, even for the Emulator, which sends none). */
export function tenantOf(context: TurnContext, deps: TeamsDeps): string | undefined {
  const { conversation, channelData } = context.activity;
  return deps.tenantOf(conversation?.tenantId ?? (channelData as { tenant?: { id?: string } })?.tenant?.id);
}

const isPersonalChat = (context: TurnContext) =>
  (context.activity.conversation.conversationType ?? 'personal') === 'personal';

async function answerInPersonalChat(
  context: TurnContext,
  deps: TeamsDeps,
  tenantId: string,
  commandName: string,
  view: View,
): Promise<void> {
  const account = { tool: 'teams' as const, handle: teamsUserIdOf(context.activity.from) };
  const sent = deps.direct ? await deps.direct.sendDirect(tenantId, account, view) : undefined;
  await sendView(
    context,
    sent?.ok
      ? {
          kind: 'notice',
          tone: 'info',
          title: 'Answered in our personal chat',
          body: 'That answer is about you alone, so I sent it to our personal chat.',
        }
      : {
          kind: 'notice',
          tone: 'info',
          title: 'That answer is for you alone',
          body: `This conversation has others in it. Send "${commandName}" to me in our personal chat and I will answer there.`,
        },
  );
}

/** Any message to the bot (`help`, `@em-agent help` in a channel) is a command, as `/em …` is in Slack. */
export function register(app: Application, deps: TeamsDeps): void {
  app.activity(ActivityTypes.Message, async (context) => {
    deps.metrics.chatEvents.inc({ surface: 'teams', kind: 'message' });
    const tenantId = tenantOf(context, deps);
    if (!tenantId) {
      await sendView(context, {
        kind: 'notice',
        tone: 'error',
        title: 'I could not tell which organisation this is',
        body: 'Messages must come through Microsoft Teams. Ask your admin to check the em-agent installation.',
      });
      return;
    }
    const from = context.activity.from;
    // The directory's address (email, else the sign-in name), which the organisation, not the user, sets.
    const learning = deps.emails?.learn(
      tenantId,
      { tool: 'teams', handle: teamsUserIdOf(from) },
      async () => {
        const member = await TeamsInfo.getMember(context, from.id);
        return { email: member.email ?? member.userPrincipalName, name: member.name };
      },
    );
    // Teams sends the sender's zone and locale with every message they type.
    const reported = deps.profileReports?.report(
      tenantId,
      { tool: 'teams', handle: teamsUserIdOf(from) },
      { timeZone: context.activity.localTimezone, locale: context.activity.locale },
    );
    try {
      await deps.tenants.ensure(tenantId, 'teams');
      const command = parseCommandText(context.activity.text ?? '');
      const reply = await deps.runCommand({
        actor: { surface: 'teams', tenantId, userId: teamsUserIdOf(from), displayName: from.name },
        conversationId: context.activity.conversation.id,
        conversationKind: isPersonalChat(context) ? 'personal' : 'shared',
        ...command,
      });
      // A channel or group chat has others in it: an answer about the asker alone goes to their personal chat.
      if (reply.visibility === 'personal' && !isPersonalChat(context)) {
        await answerInPersonalChat(context, deps, tenantId, command.name, reply.view);
        return;
      }
      await sendViewWithCharts(context, reply.view, deps.charts, deps.log);
    } catch (error) {
      await sendView(context, userFacingError(error, deps.log));
    } finally {
      await learning;
      await reported;
    }
  });
}
