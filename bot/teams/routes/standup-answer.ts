import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { HOME_VERBS } from '../../../cards/teams/home.ts';
import {
  readStandupAnswerInputs,
  STANDUP_SUBMIT_VERB,
  STANDUP_TOMORROW_VERB,
} from '../../../cards/teams/standup-prompt.ts';
import { renderViewForTeams } from '../../../cards/teams/render-view.ts';
import { openAnswerForm } from '../../../handlers/standup/open-answer-form.ts';
import { submitStandupAnswer } from '../../../handlers/standup/submit-answer.ts';
import { userFacingError } from '../../user-facing-error.ts';
import { answerInvoke } from '../invoke-response.ts';
import type { TeamsDeps } from '../teams-deps.ts';
import { tenantOf } from './command-message.ts';
import { teamsUserIdOf } from '../teams-user-id.ts';

const memberOf = (context: TurnContext) => ({
  tool: 'teams' as const,
  handle: teamsUserIdOf(context.activity.from),
});

/**
 * The prompt card's Submit (the answers are its inputs) and "Answer for tomorrow". The clicker gets the card
 * back as it now stands: their answer kept in the inputs and a line saying it is in, or the problem with
 * everything they typed still there.
 */
export function register(app: Application, deps: TeamsDeps): void {
  const standups = deps.standupFlow;
  if (!standups) return;
  app.adaptiveCards.actionExecute(
    // The home card's Answer opens the day's form in its place, as the prompt's own card is.
    [STANDUP_SUBMIT_VERB, STANDUP_TOMORROW_VERB, HOME_VERBS.answerStandup],
    async (context, _state, data: Record<string, unknown>) => {
      deps.metrics.chatEvents.inc({ surface: 'teams', kind: 'card_action' });
      try {
        const tenantId = tenantOf(context, deps);
        const standupId = typeof data.standupId === 'string' ? data.standupId : '';
        const date = typeof data.date === 'string' ? data.date : '';
        if (!tenantId || !standupId || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
          await answerInvoke(context, 'This standup card is out of date. Wait for the next prompt.');
          return '';
        }
        const member = memberOf(context);
        const verb = (context.activity.value as { action: { verb: string } }).action.verb;
        const now = standups.now();
        const day = verb === STANDUP_TOMORROW_VERB ? ('next' as const) : { date };
        if (verb === STANDUP_SUBMIT_VERB) {
          const answers = readStandupAnswerInputs(data);
          const result = await submitStandupAnswer(
            standups.deps,
            {
              tenantId,
              standupId,
              date,
              member,
              answers,
              ...(context.activity.from.name ? { displayName: context.activity.from.name } : {}),
            },
            now,
          );
          const form = await openAnswerForm(standups.deps, { tenantId, standupId, member, day }, now);
          if (!form.ok) {
            await answerInvoke(context, form.problem);
            return '';
          }
          const note = !result.ok
            ? result.problem
            : result.edited
              ? 'Your answer is updated.'
              : 'Thanks: your answer is in.';
          const view = result.ok
            ? form.view
            : { ...form.view, prefill: { ...form.view.prefill, ...answers } };
          await answerInvoke(context, renderViewForTeams({ ...view, note }));
          if (result.ok) await result.publish();
          return '';
        }
        const form = await openAnswerForm(standups.deps, { tenantId, standupId, member, day }, now);
        await answerInvoke(context, form.ok ? renderViewForTeams(form.view) : form.problem);
      } catch (error) {
        const notice = userFacingError(error, deps.log);
        await answerInvoke(context, `${notice.title}. ${notice.body}`);
      }
      return '';
    },
  );
}
