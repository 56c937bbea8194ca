import type { TurnContext } from 'botbuilder';
import type { Approval, ApprovalServices } from '../../../handlers/approvals/types.ts';
import type { Policy } from '../../../handlers/policy/policy-schema.ts';
import type { Decider } from '../../../handlers/policy/types.ts';
import { userFacingError } from '../../user-facing-error.ts';
import { answerInvoke } from '../invoke-response.ts';
import { deciderOf } from '../teams-decider.ts';
import type { TeamsDeps } from '../teams-deps.ts';
import { tenantOf } from './command-message.ts';

export interface ApprovalInvoke {
  services: ApprovalServices;
  tenantId: string;
  approval: Approval;
  policy: Policy;
  decider: Decider;
  data: Record<string, unknown>;
}

/**
 * The common part of every approval button: find the approval in this tenant, resolve who clicked, run the
 * route, and always answer the invoke (a card for this viewer, or a sentence saying what went wrong).
 */
export async function handleApprovalInvoke(
  context: TurnContext,
  deps: TeamsDeps,
  data: Record<string, unknown>,
  route: (invoke: ApprovalInvoke) => Promise<Parameters<typeof answerInvoke>[1]>,
): Promise<string> {
  deps.metrics.chatEvents.inc({ surface: 'teams', kind: 'card_action' });
  try {
    const services = deps.approvals;
    const tenantId = tenantOf(context, deps);
    if (!services || !tenantId) {
      await answerInvoke(context, 'Approvals are not set up for this organisation.');
      return '';
    }
    const approvalId = typeof data.approvalId === 'string' ? data.approvalId : '';
    const approval = approvalId ? await services.store.get(tenantId, approvalId) : null;
    if (!approval) {
      await answerInvoke(
        context,
        'I cannot find this request any more. Send "approvals" to see what is waiting.',
      );
      return '';
    }
    services.joinTrace(approval.trace_id);
    const policy = await services.policyFor(tenantId);
    const decider = await deciderOf(context, policy, approval, deps.log);
    await answerInvoke(context, await route({ services, tenantId, approval, policy, decider, data }));
  } catch (error) {
    const notice = userFacingError(error, deps.log);
    await answerInvoke(context, `${notice.title}. ${notice.body}`);
  }
  return '';
}
