import type { Application } from '@microsoft/teams-ai';
import { APPROVAL_VERBS } from '../../../cards/teams/approval.ts';
import { approvalCardFor } from '../approval-card.ts';
import type { TeamsDeps } from '../teams-deps.ts';
import { handleApprovalInvoke } from './approval-invoke.ts';

/** Teams asks for each viewer's own card (the card's `refresh`): buttons only for whoever may decide now. */
export function register(app: Application, deps: TeamsDeps): void {
  app.adaptiveCards.actionExecute(APPROVAL_VERBS.refresh, (context, _state, data: Record<string, unknown>) =>
    handleApprovalInvoke(context, deps, data, ({ approval, policy, decider }) =>
      approvalCardFor(
        // The policy the invoke already read: a refresh storm reads it once per viewer, not three times.
        { policyFor: async () => policy, conversations: deps.conversations },
        approval,
        decider,
      ),
    ),
  );
}
