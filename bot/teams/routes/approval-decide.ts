import type { Application } from '@microsoft/teams-ai';
import { APPROVAL_VERBS, MODIFY_INPUTS } from '../../../cards/teams/approval.ts';
import { decideApproval } from '../../../handlers/approvals/decide-approval.ts';
import type { DecisionVerb } from '../../../handlers/policy/types.ts';
import { approvalCardFor } from '../approval-card.ts';
import type { TeamsDeps } from '../teams-deps.ts';
import { handleApprovalInvoke } from './approval-invoke.ts';

const DECISIONS: Record<string, DecisionVerb> = {
  [APPROVAL_VERBS.approve]: 'approve',
  [APPROVAL_VERBS.decline]: 'decline',
  [APPROVAL_VERBS.modify]: 'modify',
};

type Parsed = { ok: true; value: unknown } | { ok: false; problem: string };

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
}

/**
 * Approve, Decline and Modify on an approval card. The decision goes through the same handler as the REST API
 * and Slack (first valid decision wins, nothing runs twice); the clicker gets the card as it now stands for
 * them, with the outcome on top, or with the reason it was refused in plain words.
 */
export function register(app: Application, deps: TeamsDeps): void {
  app.adaptiveCards.actionExecute(Object.keys(DECISIONS), (context, _state, data: Record<string, unknown>) =>
    handleApprovalInvoke(context, deps, data, async ({ services, tenantId, approval, decider }) => {
      const cardDeps = { policyFor: services.policyFor, conversations: deps.conversations };
      const verb = (context.activity.value as { action: { verb: string } }).action.verb;
      const decision = DECISIONS[verb]!;
      const draft =
        typeof data[MODIFY_INPUTS.payload] === 'string' ? (data[MODIFY_INPUTS.payload] as string) : '';
      let payload: unknown;
      if (decision === 'modify') {
        const parsed = parseJson(draft);
        if (!parsed.ok) {
          return approvalCardFor(cardDeps, approval, decider, {
            problem: `The payload is not valid JSON (${parsed.problem}). Nothing was changed; fix it and try again.`,
            modifyDraft: draft,
          });
        }
        payload = parsed.value;
      }
      const reason = data[MODIFY_INPUTS.reason];
      const result = await decideApproval(services, {
        tenantId,
        approvalId: approval.id,
        decider,
        decision,
        reason: typeof reason === 'string' ? reason : null,
        payload,
      });
      if (result.ok) return approvalCardFor(cardDeps, result.approval, decider, { note: result.message });
      if (!result.approval) return result.message;
      return approvalCardFor(cardDeps, result.approval, decider, {
        problem: result.message,
        ...(result.code === 'invalid_payload' ? { modifyDraft: draft } : {}),
      });
    }),
  );
}
