import type { App, BlockButtonAction, ButtonAction } from '@slack/bolt';
import { renderViewForSlack } from '../../../../cards/slack/render-view.ts';
import { FLOW_WHY_ACTION } from '../../../../handlers/flow/flow-view.ts';
import { parseCommandText } from '../../../../handlers/run-command.ts';
import { userFacingError } from '../../../user-facing-error.ts';
import type { SlackListenerDeps } from '../../slack-deps.ts';

const WHY = new RegExp(`^${FLOW_WHY_ACTION}:`);

/**
 * A figure's "Why?" on a /flow answer: its value is the `flow why …` command, run as whoever clicked (so a
 * personal figure's why is that person's own), answered privately below the figures.
 */
export function register(app: App, deps: SlackListenerDeps): void {
  app.action(WHY, async ({ ack, respond, ...args }) => {
    await ack();
    deps.metrics.chatEvents.inc({ surface: 'slack', kind: 'action' });
    const body = args.body as BlockButtonAction;
    const action = args.action as ButtonAction;
    const tenantId = deps.tenantOf(body.team?.id ?? body.user.team_id);
    const command = parseCommandText(action.value ?? '');
    try {
      if (!tenantId || command.name !== 'flow' || command.args[0] !== 'why') {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: 'That button no longer works. Send /flow again.',
        });
        return;
      }
      const reply = await deps.runCommand({
        actor: { surface: 'slack', tenantId, userId: body.user.id, displayName: body.user.name },
        ...command,
      });
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
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
