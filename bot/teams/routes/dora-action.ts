import type { Application } from '@microsoft/teams-ai';
import { renderViewForTeams } from '../../../cards/teams/render-view.ts';
import { DORA_VERBS, readDoraAction, type DoraVerb } from '../../../handlers/metrics/dora-actions.ts';
import { handleDoraAction } from '../../../handlers/metrics/dora-command.ts';
import { userFacingError } from '../../user-facing-error.ts';
import { answerInvoke } from '../invoke-response.ts';
import type { TeamsDeps } from '../teams-deps.ts';
import { tenantOf } from './command-message.ts';

/** "Why this number?" and "Back to the figures" on a `dora` card: answer the clicker with the new card. */
export function register(app: Application, deps: TeamsDeps): void {
  app.adaptiveCards.actionExecute([...DORA_VERBS], async (context, _state, data: Record<string, unknown>) => {
    deps.metrics.chatEvents.inc({ surface: 'teams', kind: 'card_action' });
    try {
      const tenantId = tenantOf(context, deps);
      const payload = readDoraAction(data);
      if (!tenantId || !payload) {
        await answerInvoke(context, 'That button no longer works. Send "dora" again.');
        return '';
      }
      const from = context.activity.from;
      const verb = (context.activity.value as { action: { verb: string } }).action.verb as DoraVerb;
      const view = await handleDoraAction(
        { surface: 'teams', tenantId, userId: from.aadObjectId ?? from.id, displayName: from.name },
        verb,
        payload,
        deps.delivery ?? {},
      );
      await answerInvoke(context, renderViewForTeams(view));
    } catch (error) {
      const notice = userFacingError(error, deps.log);
      await answerInvoke(context, `${notice.title}. ${notice.body}`);
    }
    return '';
  });
}
