import type { App, BlockButtonAction, ButtonAction } from '@slack/bolt';
import { renderViewForSlack } from '../../../../cards/slack/render-view.ts';
import type { Actor, View } from '../../../../handlers/types.ts';
import { userFacingError } from '../../../user-facing-error.ts';
import type { SlackListenerDeps } from '../../slack-deps.ts';

export interface PrivateButton<Payload> {
  /** The action ids the button carries. */
  actionId: string | RegExp;
  /** The button's value read back; undefined when it is not one of ours any more. */
  read(value: string | undefined): Payload | undefined;
  /** The command to send again when the button no longer works (`/dora`). */
  command: string;
  /** Replace the private message the button is on, or answer below it. */
  replaceOriginal: boolean;
  /** The answer, for whoever clicked. */
  answer(actor: Actor, payload: Payload, click: { actionId: string; channelId?: string }): Promise<View>;
}

/**
 * A button on a private answer (/dora, /flow, /triage, /sprint-health): ack at once, answer as whoever clicked,
 * privately; a stale button or a failure says so instead of going silent.
 */
export function registerPrivateButton<Payload>(
  app: App,
  deps: SlackListenerDeps,
  button: PrivateButton<Payload>,
): void {
  app.action(button.actionId, async ({ ack, respond, ...args }) => {
    await ack();
    deps.metrics.chatEvents.inc({ surface: 'slack', kind: 'action' });
    const body = args.body as BlockButtonAction;
    const action = args.action as ButtonAction;
    const payload = button.read(action.value);
    const tenantId = deps.tenantOf(body.team?.id ?? body.user.team_id);
    try {
      if (payload === undefined || !tenantId) {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: `That button no longer works. Send ${button.command} again.`,
        });
        return;
      }
      const view = await button.answer(
        { surface: 'slack', tenantId, userId: body.user.id, displayName: body.user.name },
        payload,
        { actionId: action.action_id, ...(body.channel?.id ? { channelId: body.channel.id } : {}) },
      );
      await respond({
        response_type: 'ephemeral',
        replace_original: button.replaceOriginal,
        ...renderViewForSlack(view),
      });
    } catch (error) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        ...renderViewForSlack(userFacingError(error, deps.log)),
      });
    }
  });
}
