/** Inputs and outputs of the policy engine. Plain data: no clock, no database, no chat surface. */
import type { PolicyMode, RiskLevel } from './policy-schema.ts';

export type { PolicyMode, RiskLevel };

/** The channel an action would post to, as far as the caller knows it. */
export interface TargetChannel {
  /** Shown in reasons as written, e.g. `#general`; "the channel" when absent. */
  name?: string;
  /** `undefined` = unknown, which counts as public for `ask_if_channel_public`. */
  isPublic?: boolean;
  /** `undefined` = unknown, which counts as too large for an automatic post. */
  memberCount?: number;
}

export interface ActionRequest {
  /** A dotted action name such as `pr.merge`. */
  actionType: string;
  /** Set when the action posts a message to a channel. */
  channel?: TargetChannel;
}

/** What the policy says about one proposed action, fixed when the action is proposed. */
export interface PolicyDecision {
  actionType: string;
  risk: RiskLevel;
  mode: PolicyMode;
  /** Approvals needed before it runs: 0 for auto, 1 for ask (the requester), the rule's quorum otherwise. */
  quorum: number;
  /** How long it waits for a decision (elapsed time, before working-hours adjustment); 0 for auto. */
  ttlMs: number;
  /** For require_approval: the tier whose approvers decide (the risk tier, or the next one up that lists approvers). */
  approverTier: RiskLevel | null;
  /** Plain sentences for people: the rule applied, then every adjustment. */
  reasons: string[];
}

export type DecisionVerb = 'approve' | 'decline' | 'modify';

/** One recorded decision on an approval. */
export interface RecordedDecision {
  /** Policy user id: `slack:U…` or `teams:<AAD object id>`. */
  decidedBy: string;
  decision: DecisionVerb;
}

export type ApprovalStatus = 'pending' | 'approved' | 'declined' | 'expired';

/** The state of one approval (or confirmation, for mode ask) that the engine reasons about. */
export interface ApprovalState {
  /** Policy user id of the person who proposed the action. */
  requester: string;
  createdAt: Date;
  /** Decisions so far, oldest first. */
  decisions: readonly RecordedDecision[];
  /** Absent means pending. */
  status?: ApprovalStatus;
  /** When the one reminder went out; absent while it has not. */
  remindedAt?: Date | null;
  /** When it was escalated; from then on the escalation target may decide as well. */
  escalatedAt?: Date | null;
}

/** The person trying to decide, with the memberships the edge resolved for them. */
export interface Decider {
  /** Policy user id: `slack:U…` or `teams:<AAD object id>`. */
  userId: string;
  /** Slack user group ids (`S…`) the person belongs to; only counted for a `slack:` user. */
  slackGroups?: readonly string[];
  /** Teams roles the person holds in the team where the approval is shown; only counted for a `teams:` user. */
  teamsRoles?: readonly string[];
}
