import type { App } from '@slack/bolt';
import { renderViewForSlack } from '../../../../cards/slack/render-view.ts';
import type { ChatDeps } from '../../../chat-deps.ts';
import { userFacingError } from '../../../user-facing-error.ts';
import { decodeSlackText } from '../../decode-slack-text.ts';

/** `/ask <question>`: the same as `/em ask <question>`, for the command people use most. */
export function register(app: App, deps: ChatDeps): void {
  app.command('/ask', async ({ command, ack, respond }) => {
    await ack();
    deps.metrics.chatEvents.inc({ surface: 'slack', kind: 'command' });
    try {
      await deps.tenants.ensure(command.team_id, 'slack', command.team_domain);
      const rawArgs = decodeSlackText(command.text).trim();
      const reply = await deps.runCommand({
        actor: {
          surface: 'slack',
          tenantId: command.team_id,
          userId: command.user_id,
          displayName: command.user_name,
        },
        conversationId: command.channel_id,
        name: 'ask',
        args: rawArgs.split(/\s+/).filter(Boolean),
        rawArgs,
      });
      await respond({
        response_type: reply.visibility === 'private' ? 'ephemeral' : 'in_channel',
        ...renderViewForSlack(reply.view),
      });
    } catch (error) {
      await respond({ response_type: 'ephemeral', ...renderViewForSlack(userFacingError(error, deps.log)) });
    }
  });
}
