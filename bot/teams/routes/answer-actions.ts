import type { Application } from '@microsoft/teams-ai';
import { CardFactory, MessageFactory } from 'botbuilder';
import { renderViewForTeams } from '../../../cards/teams/render-view.ts';
import { ANSWER_ACTIONS, decodeAnswerAction } from '../../../handlers/ask/answer-actions.ts';
import {
  askPerson,
  recordFeedback,
  shareAnswer,
  type AnswerActionResult,
} from '../../../handlers/ask/handle-answer-action.ts';
import type { TeamsDeps } from '../teams-deps.ts';
import { userFacingError } from '../../user-facing-error.ts';
import { tenantOf } from './command-message.ts';
import { teamsUserIdOf } from '../teams-user-id.ts';

const HANDLERS = {
  [ANSWER_ACTIONS.share]: shareAnswer,
  [ANSWER_ACTIONS.helpful]: (...args: Parameters<typeof shareAnswer>) =>
    recordFeedback(args[0], args[1], true, args[2]),
  [ANSWER_ACTIONS.notHelpful]: (...args: Parameters<typeof shareAnswer>) =>
    recordFeedback(args[0], args[1], false, args[2]),
  [ANSWER_ACTIONS.askPerson]: askPerson,
};

/**
 * The Action.Execute buttons under an answer card. Share posts the answer in the conversation; ask sends the
 * person a direct message; the clicker gets a short confirmation (or why not) as the invoke response.
 */
export function register(app: Application, deps: TeamsDeps): void {
  for (const [verb, run] of Object.entries(HANDLERS)) {
    app.adaptiveCards.actionExecute(verb, async (context, _state, data) => {
      deps.metrics.chatEvents.inc({ surface: 'teams', kind: 'action' });
      const tenantId = tenantOf(context, deps);
      const store = deps.answers?.store();
      const payload = decodeAnswerAction(JSON.stringify(data ?? {}));
      if (!tenantId || !store || !payload) return 'That button no longer works. Ask the question again.';
      try {
        const from = context.activity.from;
        const result: AnswerActionResult = await run(
          { surface: 'teams', tenantId, userId: teamsUserIdOf(from), displayName: from.name },
          payload,
          { store, reach: deps.answers?.reach },
        );
        switch (result.kind) {
          case 'post':
            await context.sendActivity(
              MessageFactory.attachment(CardFactory.adaptiveCard(renderViewForTeams(result.view))),
            );
            return 'Shared with the conversation.';
          case 'private':
            return `${result.view.title}. ${result.view.body}`;
        }
      } catch (error) {
        const view = userFacingError(error, deps.log);
        return `${view.title}. ${view.body}`;
      }
    });
  }
}
