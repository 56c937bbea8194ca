import type { App, BlockButtonAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { renderViewForSlack } from '../../../../cards/slack/render-view.ts';
import { decodeAnswerAction, type AnswerActionPayload } from '../../../../handlers/ask/answer-actions.ts';
import type { AnswerActionDeps, AnswerActionResult } from '../../../../handlers/ask/handle-answer-action.ts';
import type { AnswerView } from '../../../../handlers/ask/types.ts';
import type { Actor } from '../../../../handlers/types.ts';
import type { ChatDeps } from '../../../chat-deps.ts';
import { userFacingError } from '../../../user-facing-error.ts';
import { postAnswerInThread } from './post-answer-in-thread.ts';

type AnswerAction = (
  actor: Actor,
  payload: AnswerActionPayload,
  deps: AnswerActionDeps,
) => Promise<AnswerActionResult>;

interface Origin {
  client: WebClient;
  channel?: string;
  userId: string;
}

/**
 * A shared answer goes to the channel as the question (a parent message) with the answer in its thread.
 * Where the bot may not post (not a member), the response URL still can: the answer is posted as it is.
 */
async function share(view: AnswerView, origin: Origin, respond: RespondFn, deps: ChatDeps): Promise<void> {
  if (origin.channel) {
    try {
      await postAnswerInThread(origin.client, origin.channel, origin.userId, view);
      return;
    } catch (error) {
      deps.log.warn({ err: error }, 'could not post the shared answer in a thread; posting it as is');
    }
  }
  await respond({ response_type: 'in_channel', replace_original: false, ...renderViewForSlack(view) });
}

/**
 * Registers one answer button: ack at once, read who clicked and which answer, run the handler, then share
 * in the channel or reply privately through the action's response URL.
 */
export function registerAnswerAction(
  app: App,
  deps: ChatDeps,
  actionId: string | RegExp,
  run: AnswerAction,
): void {
  app.action(actionId, async ({ ack, respond, client, ...args }) => {
    await ack();
    // Only our buttons carry these action ids.
    const body = args.body as BlockButtonAction;
    const action = args.action as ButtonAction;
    deps.metrics.chatEvents.inc({ surface: 'slack', kind: 'action' });
    try {
      const store = deps.answers?.store();
      const payload = decodeAnswerAction(action.value);
      const tenantId = deps.tenantOf(body.team?.id ?? body.user.team_id);
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
      const result = await run(actor, payload, { store, reach: deps.answers?.reach });
      if (result.kind === 'post') {
        await share(result.view, { client, channel: body.channel?.id, userId: body.user.id }, respond, deps);
      } else {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          ...renderViewForSlack(result.view),
        });
      }
    } catch (error) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        ...renderViewForSlack(userFacingError(error, deps.log)),
      });
    }
  });
}
