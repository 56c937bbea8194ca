import { CardFactory, MessageFactory } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { APPROVAL_VERBS } from '../../../cards/teams/approval.ts';
import { renderViewForTeams } from '../../../cards/teams/render-view.ts';
import { approvalCardFor } from '../approval-card.ts';
import type { TeamsDeps } from '../teams-deps.ts';
import { handleApprovalInvoke } from './approval-invoke.ts';
import { teamsUserIdOf } from '../teams-user-id.ts';

/**
 * Open on the `approvals` list (or the home card): posts the request card for this viewer below (kept up to date like any other
 * request card) and answers with the list as it stands now.
 */
export function register(app: Application, deps: TeamsDeps): void {
  app.adaptiveCards.actionExecute(APPROVAL_VERBS.open, (context, _state, data: Record<string, unknown>) =>
    handleApprovalInvoke(context, deps, data, async ({ services, tenantId, approval, decider }) => {
      // Buttons only in a personal chat: in a channel everyone sees the posted card until Teams refreshes it.
      const personal = (context.activity.conversation.conversationType ?? 'personal') === 'personal';
      const card = await approvalCardFor(
        { policyFor: services.policyFor, conversations: deps.conversations },
        approval,
        personal ? decider : null,
      );
      const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      if (sent?.id) {
        await services.store.addMessage(tenantId, approval.id, {
          surface: 'teams',
          conversation: context.activity.conversation.id,
          messageId: sent.id,
        });
      }
      const { from } = context.activity;
      const list = await deps.runCommand({
        actor: { surface: 'teams', tenantId, userId: teamsUserIdOf(from), displayName: from.name },
        conversationId: context.activity.conversation.id,
        // Open from the home card answers with the home card again, from the list with the list.
        name: data.from === 'home' ? 'home' : 'approvals',
        args: [],
        rawArgs: '',
      });
      return renderViewForTeams(list.view);
    }),
  );
}
