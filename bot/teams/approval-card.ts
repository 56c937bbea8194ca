import { renderApprovalForTeams } from '../../cards/teams/approval.ts';
import type { AdaptiveCard } from '../../cards/teams/types.ts';
import type { TeamsConversationModel } from '../../data/models/teams-conversation.ts';
import { decisionAudienceOf } from '../../handlers/approvals/approval-state.ts';
import { approvalView } from '../../handlers/approvals/approval-view.ts';
import type { Approval, ApprovalDeps } from '../../handlers/approvals/types.ts';
import { mayDecide } from '../../handlers/approvals/view-approval-for.ts';
import { normalizeUserId } from '../../handlers/policy/approvers.ts';
import type { Policy } from '../../handlers/policy/policy-schema.ts';
import type { Decider } from '../../handlers/policy/types.ts';

export interface ApprovalCardDeps {
  policyFor: ApprovalDeps['policyFor'];
  conversations?: TeamsConversationModel;
}

export interface ApprovalCardExtras {
  note?: string;
  problem?: string;
  modifyDraft?: string;
}

const TEAMS_PREFIX = 'teams:';

/** The AAD object ids (lower-cased) of the `teams:` users among policy user ids. */
export function aadIdsOf(userIds: readonly string[]): string[] {
  return userIds
    .map(normalizeUserId)
    .filter((id) => id.startsWith(TEAMS_PREFIX))
    .map((id) => id.slice(TEAMS_PREFIX.length));
}

/**
 * The people Teams should refresh the card for automatically: whoever the policy asks to decide (and, once
 * escalated, the escalation target), as MRIs: their Teams id when they have chatted with the bot, else the
 * MRI Teams derives from the AAD object id.
 */
async function refreshUserIdsOf(
  deps: ApprovalCardDeps,
  policy: Policy,
  approval: Approval,
): Promise<string[]> {
  const users = decisionAudienceOf(policy, approval, 'request').users;
  if (approval.escalated_at) users.push(...decisionAudienceOf(policy, approval, 'escalation').users);
  const aadIds = [...new Set(aadIdsOf(users))];
  if (aadIds.length === 0) return [];
  const known = deps.conversations
    ? await deps.conversations
        .find(
          { tenantId: approval.tenantId, aadObjectId: { $in: aadIds } },
          { aadObjectId: 1, teamsUserId: 1 },
        )
        .lean()
    : [];
  const teamsIdOf = new Map(known.map((entry) => [entry.aadObjectId, entry.teamsUserId]));
  return aadIds.map((aad) => teamsIdOf.get(aad) ?? `8:orgid:${aad}`);
}

/**
 * The approval card for one viewer (`null`: a shared conversation, where everyone sees the card without
 * buttons until Teams refreshes it for them). Carries `refresh` while pending, so every viewer's client asks
 * the bot for their own card.
 */
export async function approvalCardFor(
  deps: ApprovalCardDeps,
  approval: Approval,
  viewer: Decider | null,
  extras: ApprovalCardExtras = {},
): Promise<AdaptiveCard> {
  const pending = approval.status === 'pending';
  // One read of the policy in force per card (every viewer of a channel asks at once after each change).
  const policy = pending ? await deps.policyFor(approval.tenantId) : undefined;
  const decidable =
    viewer && policy ? await mayDecide({ policyFor: async () => policy }, approval, viewer) : false;
  return renderApprovalForTeams(approvalView(approval, decidable, extras.note), {
    ...(policy ? { refreshUserIds: await refreshUserIdsOf(deps, policy, approval) } : {}),
    payloadJson: JSON.stringify(approval.proposed_payload, null, 2),
    ...(extras.problem ? { problem: extras.problem } : {}),
    ...(extras.modifyDraft !== undefined ? { modifyDraft: extras.modifyDraft } : {}),
  });
}
