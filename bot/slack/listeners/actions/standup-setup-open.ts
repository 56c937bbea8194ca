import type { App } from '@slack/bolt';
import { renderViewForSlack } from '../../../../cards/slack/render-view.ts';
import { STANDUP_SETUP_MODAL } from '../../../../cards/slack/standup-setup-modal.ts';
import { parseCommandText } from '../../../../handlers/run-command.ts';
import type { SlackListenerDeps } from '../../slack-deps.ts';
import { openStandupSetup } from '../../standup/open-standup-setup.ts';

function standupIdOf(value: string | undefined): string | undefined {
  try {
    const parsed = JSON.parse(value ?? '{}') as { standupId?: unknown };
    return typeof parsed.standupId === 'string' ? parsed.standupId : undefined;
  } catch {
    return undefined;
  }
}

/**
 * "Open set-up" on the set-up message (sent when the modal could not open from the command): runs the command
 * again, so permissions are checked again, and opens the modal with this click's fresh trigger.
 */
export function register(app: App, deps: SlackListenerDeps): void {
  app.action(STANDUP_SETUP_MODAL.openAction, async ({ ack, body, action, client, respond }) => {
    await ack();
    deps.metrics.chatEvents.inc({ surface: 'slack', kind: 'action' });
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const tenantId = deps.tenantOf(body.team?.id ?? body.user.team_id);
    if (!tenantId) return;
    const standupId = standupIdOf(action.value);
    const channel = body.channel?.id;
    const reply = await deps.runCommand({
      actor: { surface: 'slack', tenantId, userId: body.user.id },
      ...(channel ? { conversationId: channel } : {}),
      ...parseCommandText(standupId ? `standup edit ${standupId}` : 'standup'),
    });
    if (
      reply.view.kind === 'standup-setup' &&
      (await openStandupSetup(client, body.trigger_id, reply.view, channel, deps.log))
    ) {
      return;
    }
    await respond({ response_type: 'ephemeral', replace_original: false, ...renderViewForSlack(reply.view) });
  });
}
