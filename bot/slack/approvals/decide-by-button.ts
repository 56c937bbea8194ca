import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { DecisionVerb } from '../../../handlers/policy/types.ts';
import { clickOriginOf } from './answer-clicker.ts';
import { decideFromSlack } from './decide-from-slack.ts';
import type { SlackListenerDeps } from '../slack-deps.ts';

/** The listener behind Approve and Decline: ack at once, then decide and answer the clicker privately. */
export function decideByButton(deps: SlackListenerDeps, decision: DecisionVerb) {
  return async ({ ack, body, action, client }: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    deps.metrics.chatEvents.inc({ surface: 'slack', kind: 'action' });
    if (body.type !== 'block_actions' || action.type !== 'button' || !action.value) return;
    const tenantId = deps.tenantOf(body.team?.id ?? body.user.team_id);
    if (!tenantId) {
      deps.log.warn('a Slack action without a team id was ignored');
      return;
    }
    await decideFromSlack(deps, client, {
      tenantId,
      userId: body.user.id,
      approvalId: action.value,
      decision,
      origin: clickOriginOf(body),
    });
  };
}
