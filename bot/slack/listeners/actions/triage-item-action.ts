import type { App, BlockButtonAction, ButtonAction } from '@slack/bolt';
import { renderViewForSlack } from '../../../../cards/slack/render-view.ts';
import { handleTriageAction } from '../../../../handlers/triage/handle-triage-action.ts';
import {
  readTriageAction,
  TRIAGE_VERBS,
  type TriageVerb,
} from '../../../../handlers/triage/triage-actions.ts';
import type { Actor } from '../../../../handlers/types.ts';
import { userFacingError } from '../../../user-facing-error.ts';
import type { SlackListenerDeps } from '../../slack-deps.ts';

const VERBS = new RegExp(`^(${TRIAGE_VERBS.join('|')})$`);

/**
 * The buttons on a /triage item (request review, nudge, snooze, I'm on it): ack at once, act, then replace the
 * private queue message with the queue as it now stands and a line on what happened.
 */
export function register(app: App, deps: SlackListenerDeps): void {
  app.action(VERBS, async ({ ack, respond, ...args }) => {
    await ack();
    deps.metrics.chatEvents.inc({ surface: 'slack', kind: 'action' });
    // Only our buttons carry these action ids.
    const body = args.body as BlockButtonAction;
    const action = args.action as ButtonAction;
    const payload = readTriageAction(action.value);
    const tenantId = deps.tenantOf(body.team?.id ?? body.user.team_id);
    try {
      if (!payload || !tenantId) {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: 'That button no longer works. Send /triage again.',
        });
        return;
      }
      const actor: Actor = {
        surface: 'slack',
        tenantId,
        userId: body.user.id,
        displayName: body.user.name,
      };
      const view = await handleTriageAction(
        actor,
        action.action_id as TriageVerb,
        payload,
        deps.triage ?? {},
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
