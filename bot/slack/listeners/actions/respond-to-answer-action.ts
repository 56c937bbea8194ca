import type { App, BlockButtonAction, ButtonAction, RespondFn } from '@slack/bolt';
import { renderViewForSlack } from '../../../../cards/slack/render-view.ts';
import { escapeMrkdwn } from '../../../../cards/slack/mrkdwn.ts';
import { decodeAnswerAction, type AnswerActionPayload } from '../../../../handlers/ask/answer-actions.ts';
import type { AnswerActionResult, AnswerStore } from '../../../../handlers/ask/handle-answer-action.ts';
import type { Actor } from '../../../../handlers/types.ts';
import type { ChatDeps } from '../../../chat-deps.ts';
import { userFacingError } from '../../../user-facing-error.ts';

type AnswerAction = (
  actor: Actor,
  payload: AnswerActionPayload,
  store: AnswerStore,
) => Promise<AnswerActionResult>;

async function deliver(result: AnswerActionResult, respond: RespondFn): Promise<void> {
  switch (result.kind) {
    case 'post':
      await respond({
        response_type: 'in_channel',
        replace_original: false,
        ...renderViewForSlack(result.view),
      });
      return;
    case 'post-text':
      await respond({
        response_type: 'in_channel',
        replace_original: false,
        text: escapeMrkdwn(result.text),
      });
      return;
    case 'private':
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        ...renderViewForSlack(result.view),
      });
  }
}

/**
 * Registers one answer button: ack at once, read who clicked and which answer, run the handler, reply
 * through the action's response URL (in the channel for share and ask, privately otherwise).
 */
export function registerAnswerAction(
  app: App,
  deps: ChatDeps,
  actionId: string | RegExp,
  run: AnswerAction,
): void {
  app.action(actionId, async ({ ack, respond, ...args }) => {
    await ack();
    // Only our buttons carry these action ids.
    const body = args.body as BlockButtonAction;
    const action = args.action as ButtonAction;
    deps.metrics.chatEvents.inc({ surface: 'slack', kind: 'action' });
    try {
      const store = deps.answers?.store();
      const payload = decodeAnswerAction(action.value);
      const tenantId = body.team?.id ?? body.user.team_id;
      if (!store || !payload || !tenantId) {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: 'That button no longer works. Ask the question again.',
        });
        return;
      }
      const actor: Actor = {
        surface: 'slack',
        tenantId,
        userId: body.user.id,
        displayName: body.user.username ?? body.user.name,
      };
      await deliver(await run(actor, payload, store), respond);
    } catch (error) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        ...renderViewForSlack(userFacingError(error, deps.log)),
      });
    }
  });
}
