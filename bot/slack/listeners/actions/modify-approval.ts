import type { App } from '@slack/bolt';
import { APPROVAL_ACTIONS } from '../../../../cards/slack/approval.ts';
import { SLACK_LIMITS } from '../../../../cards/slack/mrkdwn.ts';
import { renderModifyModalForSlack } from '../../../../cards/slack/modify-approval-modal.ts';
import { approvalStateOf, policyDecisionOf } from '../../../../handlers/approvals/approval-state.ts';
import { summarizeApproval } from '../../../../handlers/approvals/approval-view.ts';
import { expireApproval } from '../../../../handlers/approvals/expire-approval.ts';
import type { Approval } from '../../../../handlers/approvals/types.ts';
import { canDecide } from '../../../../handlers/policy/can-decide.ts';
import { userFacingError } from '../../../user-facing-error.ts';
import { answerClicker, clickOriginOf } from '../../approvals/answer-clicker.ts';
import { modifyMetadata } from '../../approvals/modify-metadata.ts';
import { slackDeciderOf } from '../../approvals/slack-decider.ts';
import type { SlackListenerDeps } from '../../slack-deps.ts';

/**
 * Modify: opens a modal with the payload as JSON, when this person may decide now; otherwise says why not
 * (before they spend time editing). The change is recorded when the modal is submitted.
 */
export function register(app: App, deps: SlackListenerDeps): void {
  app.action(APPROVAL_ACTIONS.modify, async ({ ack, body, action, client }) => {
    await ack();
    deps.metrics.chatEvents.inc({ surface: 'slack', kind: 'action' });
    if (body.type !== 'block_actions' || action.type !== 'button' || !action.value) return;
    const tenantId = deps.tenantOf(body.team?.id ?? body.user.team_id);
    if (!tenantId) return;
    const who = { tenantId, userId: body.user.id };
    const origin = clickOriginOf(body);
    const answer = (text: string) => answerClicker(deps, client, who, origin, text);
    try {
      let approval: Approval | null = await deps.approvals.store.get(tenantId, action.value);
      if (
        approval?.status === 'pending' &&
        approval.expires_at &&
        approval.expires_at <= deps.approvals.now()
      ) {
        await expireApproval(deps.approvals, approval);
        approval = await deps.approvals.store.get(tenantId, action.value);
      }
      if (!approval) return await answer('There is no such approval.');
      const policy = await deps.approvals.policyFor(tenantId);
      const decider = await slackDeciderOf(deps, tenantId, body.user.id);
      const verdict = canDecide(policy, policyDecisionOf(approval), approvalStateOf(approval), decider);
      if (!verdict.allowed) return await answer(verdict.reason);
      const json = JSON.stringify(approval.proposed_payload, null, 2);
      if (json.length > SLACK_LIMITS.inputLength) {
        return await answer(
          `This payload is ${json.length} characters long, more than a Slack form holds (${SLACK_LIMITS.inputLength}). Approve or decline it here, or change it through the REST API.`,
        );
      }
      await client.views.open({
        trigger_id: body.trigger_id,
        view: renderModifyModalForSlack(
          summarizeApproval(approval),
          json,
          modifyMetadata.write({ approvalId: approval.id, actionType: approval.action_type, origin }),
        ),
      });
    } catch (error) {
      const notice = userFacingError(error, deps.log);
      await answer(`${notice.title}. ${notice.body}`);
    }
  });
}
