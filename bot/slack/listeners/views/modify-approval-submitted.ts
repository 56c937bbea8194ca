import type { App } from '@slack/bolt';
import { MODIFY_MODAL } from '../../../../cards/slack/modify-approval-modal.ts';
import { truncate } from '../../../../cards/slack/mrkdwn.ts';
import { checkActionPayload } from '../../../../handlers/approvals/action-payloads.ts';
import { decideFromSlack } from '../../approvals/decide-from-slack.ts';
import { modifyMetadata } from '../../approvals/modify-metadata.ts';
import type { SlackListenerDeps } from '../../slack-deps.ts';

/** Slack shows these under the input; long schema messages are cut to stay readable. */
const ERROR_LENGTH = 300;

/** The payload as typed: a JSON object the action's schema accepts, or the problem to show on the input. */
function parsePayload(text: string, actionType: string): { payload: unknown } | { problem: string } {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch (error) {
    return { problem: `That is not valid JSON: ${(error as Error).message}` };
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { problem: 'Enter a JSON object: { "field": "value", … }.' };
  }
  const checked = checkActionPayload(actionType, payload);
  return checked.ok ? { payload: checked.payload } : { problem: checked.problem };
}

/**
 * The Modify modal submitted: a payload that is not JSON, or that the action refuses, keeps the modal open
 * with the problem on the input; otherwise the modal closes and the change is recorded as a `modify`.
 */
export function register(app: App, deps: SlackListenerDeps): void {
  app.view(MODIFY_MODAL.callbackId, async ({ ack, body, view, client }) => {
    deps.metrics.chatEvents.inc({ surface: 'slack', kind: 'view' });
    const metadata = modifyMetadata.read(view.private_metadata);
    const tenantId = deps.tenantOf(body.team?.id ?? body.user.team_id);
    if (!metadata || !tenantId) {
      await ack();
      deps.log.warn('a Modify submission without its approval was ignored');
      return;
    }
    const values = view.state.values;
    const typed = values[MODIFY_MODAL.payloadBlock]?.[MODIFY_MODAL.payloadAction]?.value ?? '';
    const parsed = parsePayload(typed, metadata.actionType);
    if ('problem' in parsed) {
      await ack({
        response_action: 'errors',
        errors: { [MODIFY_MODAL.payloadBlock]: truncate(parsed.problem, ERROR_LENGTH) },
      });
      return;
    }
    await ack();
    await decideFromSlack(deps, client, {
      tenantId,
      userId: body.user.id,
      approvalId: metadata.approvalId,
      decision: 'modify',
      payload: parsed.payload,
      reason: values[MODIFY_MODAL.reasonBlock]?.[MODIFY_MODAL.reasonAction]?.value ?? null,
      origin: metadata.origin,
    });
  });
}
