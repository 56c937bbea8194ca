import type { WebClient } from '@slack/web-api';
import { decideApproval } from '../../../handlers/approvals/decide-approval.ts';
import type { DecisionVerb } from '../../../handlers/policy/types.ts';
import { userFacingError } from '../../user-facing-error.ts';
import type { SlackListenerDeps } from '../slack-deps.ts';
import { answerClicker, type ClickOrigin } from './answer-clicker.ts';
import { slackDeciderOf } from './slack-decider.ts';

export interface SlackDecision {
  tenantId: string;
  userId: string;
  approvalId: string;
  decision: DecisionVerb;
  origin: ClickOrigin;
  reason?: string | null;
  payload?: unknown;
}

/**
 * Records a decision made in Slack and answers the person privately: the outcome, or why it was refused
 * (their own request, not an approver, already decided, closed or expired). The first valid decision wins;
 * the request messages are refreshed by the notifier.
 */
export async function decideFromSlack(
  deps: SlackListenerDeps,
  client: WebClient,
  input: SlackDecision,
): Promise<void> {
  const who = { tenantId: input.tenantId, userId: input.userId };
  let answer: string;
  try {
    const result = await decideApproval(deps.approvals, {
      tenantId: input.tenantId,
      approvalId: input.approvalId,
      decider: await slackDeciderOf(deps, input.tenantId, input.userId),
      decision: input.decision,
      reason: input.reason ?? null,
      ...(input.decision === 'modify' ? { payload: input.payload } : {}),
    });
    answer = result.message;
  } catch (error) {
    const notice = userFacingError(error, deps.log);
    answer = `${notice.title}. ${notice.body}`;
  }
  await answerClicker(deps, client, who, input.origin, answer);
}
