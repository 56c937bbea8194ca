import type { Application } from '@microsoft/teams-ai';
import { renderViewForTeams } from '../../../cards/teams/render-view.ts';
import { handleTriageAction } from '../../../handlers/triage/handle-triage-action.ts';
import { readTriageAction, TRIAGE_VERBS, type TriageVerb } from '../../../handlers/triage/triage-actions.ts';
import { userFacingError } from '../../user-facing-error.ts';
import { answerInvoke } from '../invoke-response.ts';
import type { TeamsDeps } from '../teams-deps.ts';
import { tenantOf } from './command-message.ts';
import { teamsUserIdOf } from '../teams-user-id.ts';

/**
 * The Action.Execute buttons on a `triage` item: act, then answer the clicker with the queue card as it now
 * stands and a line on what happened.
 */
export function register(app: Application, deps: TeamsDeps): void {
  app.adaptiveCards.actionExecute(
    [...TRIAGE_VERBS],
    async (context, _state, data: Record<string, unknown>) => {
      deps.metrics.chatEvents.inc({ surface: 'teams', kind: 'card_action' });
      try {
        const tenantId = tenantOf(context, deps);
        const payload = readTriageAction(data);
        if (!tenantId || !payload) {
          await answerInvoke(context, 'That button no longer works. Send "triage" again.');
          return '';
        }
        const from = context.activity.from;
        const verb = (context.activity.value as { action: { verb: string } }).action.verb as TriageVerb;
        const view = await handleTriageAction(
          { surface: 'teams', tenantId, userId: teamsUserIdOf(from), displayName: from.name },
          verb,
          payload,
          deps.triage ?? {},
        );
        await answerInvoke(context, renderViewForTeams(view));
      } catch (error) {
        const notice = userFacingError(error, deps.log);
        await answerInvoke(context, `${notice.title}. ${notice.body}`);
      }
      return '';
    },
  );
}
