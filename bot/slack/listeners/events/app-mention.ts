import type { App } from '@slack/bolt';
import { renderViewForSlack } from '../../../../cards/slack/render-view.ts';
import { parseCommandText } from '../../../../handlers/run-command.ts';
import type { View } from '../../../../handlers/types.ts';
import type { ChatDeps } from '../../../chat-deps.ts';
import { userFacingError } from '../../../user-facing-error.ts';
import { decodeSlackText } from '../../decode-slack-text.ts';

/** `<@U0BOT> how do I deploy?` → `how do I deploy?`: every mention of anyone is dropped from the question. */
function questionOf(text: string): string {
  return decodeSlackText(text.replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `@em-agent <question>` in a channel: the question was asked in public, so the answer goes in that
 * message's thread (a reply in a thread stays in it), for everyone, without a share button.
 */
export function register(app: App, deps: ChatDeps): void {
  app.event('app_mention', async ({ event, body, client }) => {
    deps.metrics.chatEvents.inc({ surface: 'slack', kind: 'mention' });
    const tenantId = deps.tenantOf(body.team_id);
    const userId = event.user;
    if (!userId) return;
    const thread = event.thread_ts ?? event.ts;
    let view: View;
    try {
      await deps.tenants.ensure(tenantId, 'slack');
      const reply = await deps.runCommand({
        actor: { surface: 'slack', tenantId, userId },
        conversationId: event.channel,
        ...parseCommandText(`ask ${questionOf(event.text)}`),
      });
      view = reply.view.kind === 'answer' ? { ...reply.view, shared: true } : reply.view;
    } catch (error) {
      view = userFacingError(error, deps.log);
    }
    try {
      await client.chat.postMessage({
        channel: event.channel,
        thread_ts: thread,
        ...renderViewForSlack(view),
      });
    } catch (error) {
      deps.log.warn({ err: error }, 'could not answer a mention in its thread');
    }
  });
}
