import type { App, BlockButtonAction, ButtonAction } from '@slack/bolt';
import { renderViewForSlack } from '../../../../cards/slack/render-view.ts';
import { parseCommandText } from '../../../../handlers/run-command.ts';
import { readSprintWhy, SPRINT_WHY_ACTION } from '../../../../handlers/sprint/sprint-actions.ts';
import { userFacingError } from '../../../user-facing-error.ts';
import type { SlackListenerDeps } from '../../slack-deps.ts';

/** Why? on a /sprint-health answer: replaces the private answer with every reason and the items behind them. */
export function register(app: App, deps: SlackListenerDeps): void {
  app.action(SPRINT_WHY_ACTION, async ({ ack, respond, ...args }) => {
    await ack();
    deps.metrics.chatEvents.inc({ surface: 'slack', kind: 'action' });
    const body = args.body as BlockButtonAction;
    const command = readSprintWhy((args.action as ButtonAction).value);
    const tenantId = deps.tenantOf(body.team?.id ?? body.user.team_id);
    try {
      if (!command || !tenantId) {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: 'That button no longer works. Send /sprint-health again.',
        });
        return;
      }
      const reply = await deps.runCommand({
        actor: { surface: 'slack', tenantId, userId: body.user.id, displayName: body.user.name },
        ...(body.channel?.id ? { conversationId: body.channel.id } : {}),
        ...parseCommandText(command),
      });
      await respond({
        response_type: 'ephemeral',
        replace_original: true,
        ...renderViewForSlack(reply.view),
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
