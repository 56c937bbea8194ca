import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { renderViewForSlack } from '../../../../cards/slack/render-view.ts';
import { parseCommandText } from '../../../../handlers/run-command.ts';
import type { ChatDeps } from '../../../chat-deps.ts';
import { userFacingError } from '../../../user-facing-error.ts';
import { decodeSlackText } from '../../decode-slack-text.ts';

type SlashCommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * A slash-command listener: ack at once (Slack allows 3 s), run the command that `commandText` makes of what
 * was typed, then answer through the response URL (privately when the reply is private).
 */
export function runSlashCommand(deps: ChatDeps, commandText: (typed: string) => string) {
  return async ({ command, ack, respond, client }: SlashCommandArgs): Promise<void> => {
    await ack();
    deps.metrics.chatEvents.inc({ surface: 'slack', kind: 'command' });
    const tenantId = deps.tenantOf(command.team_id);
    // profile.email is the address the member signs in with; Slack shares it only with users:read.email.
    const learning = deps.emails?.learn(tenantId, { tool: 'slack', handle: command.user_id }, async () => {
      const { user } = await client.users.info({ user: command.user_id });
      return { email: user?.profile?.email, name: user?.real_name };
    });
    try {
      await deps.tenants.ensure(tenantId, 'slack', command.team_domain);
      const reply = await deps.runCommand({
        actor: {
          surface: 'slack',
          tenantId,
          userId: command.user_id,
          displayName: command.user_name,
        },
        conversationId: command.channel_id,
        ...parseCommandText(commandText(decodeSlackText(command.text))),
      });
      await respond({
        response_type: reply.visibility === 'private' ? 'ephemeral' : 'in_channel',
        ...renderViewForSlack(reply.view),
      });
    } catch (error) {
      await respond({ response_type: 'ephemeral', ...renderViewForSlack(userFacingError(error, deps.log)) });
    } finally {
      await learning;
    }
  };
}
