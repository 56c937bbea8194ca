import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { HOME_VERBS } from '../../../cards/teams/home.ts';
import { renderViewForTeams } from '../../../cards/teams/render-view.ts';
import { userFacingError } from '../../user-facing-error.ts';
import { answerInvoke } from '../invoke-response.ts';
import type { TeamsDeps } from '../teams-deps.ts';
import { tenantOf } from './command-message.ts';
import { teamsUserIdOf } from '../teams-user-id.ts';

/** The viewer's home card as it stands now (what `home` sends): the answer to its `refresh`. */
export async function homeCardOf(context: TurnContext, deps: TeamsDeps, tenantId: string) {
  const { from } = context.activity;
  const reply = await deps.runCommand({
    actor: { surface: 'teams', tenantId, userId: teamsUserIdOf(from), displayName: from.name },
    conversationId: context.activity.conversation.id,
    name: 'home',
    args: [],
    rawArgs: '',
  });
  return renderViewForTeams(reply.view);
}

/**
 * Teams calls the card's `refresh` (Action.Execute) when the person looks at their home card: they get it
 * rebuilt, for them alone. This is how the Teams home stays current; the bot pushes nothing on events.
 */
export function register(app: Application, deps: TeamsDeps): void {
  app.adaptiveCards.actionExecute(HOME_VERBS.refresh, async (context) => {
    deps.metrics.chatEvents.inc({ surface: 'teams', kind: 'card_refresh' });
    try {
      const tenantId = tenantOf(context, deps);
      if (!tenantId) {
        await answerInvoke(context, 'I could not tell which organisation this is.');
        return '';
      }
      await answerInvoke(context, await homeCardOf(context, deps, tenantId));
    } catch (error) {
      const notice = userFacingError(error, deps.log);
      await answerInvoke(context, `${notice.title}. ${notice.body}`);
    }
    return '';
  });
}
