import type { App } from '@slack/bolt';
import { renderStandupAnswerModal } from '../../../../cards/slack/standup-answer-modal.ts';
import { STANDUP_PROMPT_ACTIONS } from '../../../../cards/slack/standup-prompt.ts';
import { openAnswerForm } from '../../../../handlers/standup/open-answer-form.ts';
import { userFacingError } from '../../../user-facing-error.ts';
import type { SlackListenerDeps } from '../../slack-deps.ts';

/** The prompt's buttons value: which standup and day. */
function readTarget(value: string | undefined): { standupId: string; date: string } | undefined {
  try {
    const parsed = JSON.parse(value ?? '') as { standupId?: unknown; date?: unknown };
    if (typeof parsed.standupId === 'string' && typeof parsed.date === 'string') {
      return { standupId: parsed.standupId, date: parsed.date };
    }
  } catch {
    // A value we did not write: nothing to open.
  }
  return undefined;
}

/**
 * "Answer" (or "Edit") and "Answer for tomorrow" on a prompt: opens the answer modal at once, inside the
 * trigger's 3 seconds, pre-filled with the draft or the answer already given.
 */
export function register(app: App, deps: SlackListenerDeps): void {
  const standups = deps.standupFlow;
  if (!standups) return;
  for (const [actionId, which] of [
    [STANDUP_PROMPT_ACTIONS.answer, 'day'],
    [STANDUP_PROMPT_ACTIONS.answerTomorrow, 'next'],
  ] as const) {
    app.action(actionId, async ({ ack, body, action, client }) => {
      await ack();
      deps.metrics.chatEvents.inc({ surface: 'slack', kind: 'action' });
      if (body.type !== 'block_actions' || action.type !== 'button') return;
      const target = readTarget(action.value);
      const tenantId = deps.tenantOf(body.team?.id ?? body.user.team_id);
      if (!target || !tenantId) return;
      const member = { tool: 'slack' as const, handle: body.user.id };
      const tell = (text: string) => client.chat.postMessage({ channel: body.user.id, text });
      try {
        const form = await openAnswerForm(
          standups.deps,
          {
            tenantId,
            standupId: target.standupId,
            member,
            day: which === 'next' ? 'next' : { date: target.date },
          },
          standups.now(),
        );
        if (!form.ok) return void (await tell(form.problem));
        await client.views.open({ trigger_id: body.trigger_id, view: renderStandupAnswerModal(form.view) });
      } catch (error) {
        const notice = userFacingError(error, deps.log);
        await tell(`${notice.title}. ${notice.body}`);
      }
    });
  }
}
