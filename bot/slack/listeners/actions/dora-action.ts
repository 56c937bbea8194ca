import type { App, BlockButtonAction, ButtonAction } from '@slack/bolt';
import { renderViewForSlack } from '../../../../cards/slack/render-view.ts';
import { DORA_VERBS, readDoraAction, type DoraVerb } from '../../../../handlers/metrics/dora-actions.ts';
import { handleDoraAction } from '../../../../handlers/metrics/dora-command.ts';
import { userFacingError } from '../../../user-facing-error.ts';
import type { SlackListenerDeps } from '../../slack-deps.ts';

const VERBS = new RegExp(`^(${DORA_VERBS.join('|')})$`);

/** "Why this number?" and "Back to the figures" on a /dora answer: ack, then replace the private message. */
export function register(app: App, deps: SlackListenerDeps): void {
  app.action(VERBS, async ({ ack, respond, ...args }) => {
    await ack();
    deps.metrics.chatEvents.inc({ surface: 'slack', kind: 'action' });
    const body = args.body as BlockButtonAction;
    const action = args.action as ButtonAction;
    const payload = readDoraAction(action.value);
    const tenantId = deps.tenantOf(body.team?.id ?? body.user.team_id);
    try {
      if (!payload || !tenantId) {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: 'That button no longer works. Send /dora again.',
        });
        return;
      }
      const view = await handleDoraAction(
        { surface: 'slack', tenantId, userId: body.user.id, displayName: body.user.name },
        action.action_id as DoraVerb,
        payload,
        deps.delivery ?? {},
      );
      await respond({ response_type: 'ephemeral', replace_original: true, ...renderViewForSlack(view) });
    } catch (error) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        ...renderViewForSlack(userFacingError(error, deps.log)),
      });
    }
  });
}
