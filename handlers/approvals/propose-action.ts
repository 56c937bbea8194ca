import { evaluateAction } from '../policy/evaluate-action.ts';
import { expiresAt, nextEscalation } from '../policy/escalation.ts';
import type { TargetChannel } from '../policy/types.ts';
import { checkActionPayload } from './action-payloads.ts';
import {
  AUTO_DECIDER,
  approvalStateOf,
  auditSubjectOf,
  decisionAudienceOf,
  policyDecisionOf,
} from './approval-state.ts';
import { runApprovedAction } from './run-approved-action.ts';
import type { Approval, ApprovalDeps, ConversationRef } from './types.ts';

export interface ProposalInput {
  tenantId: string;
  action_type: string;
  target_ref: string;
  proposed_payload?: unknown;
  requester: string;
  model_version?: string | null;
  channel?: TargetChannel | null;
  conversation?: ConversationRef | null;
  /** Continues a trace the caller started; a new one is minted otherwise. */
  trace_id?: string;
  /** Set from the caller's idempotency key: proposing again with it returns the first approval. */
  id?: string;
}

export type ProposalResult =
  { ok: true; approval: Approval; replayed?: boolean } | { ok: false; problem: string };

const ACTION_NAME = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;
const REQUESTER = /^(slack|teams|api|system):[^\s]{1,200}$/i;

function checkProposal(input: ProposalInput): string | undefined {
  if (!ACTION_NAME.test(input.action_type)) {
    return 'action_type must be a dotted lower-case action name such as pr.merge.';
  }
  if (input.target_ref.trim() === '' || input.target_ref.length > 500) {
    return 'target_ref must name what the action acts on (at most 500 characters), e.g. github:acme/api#42.';
  }
  if (!REQUESTER.test(input.requester)) {
    return 'requester must be a user id such as slack:U0123ABCD, teams:<AAD object id> or api:<name>.';
  }
  return undefined;
}

/**
 * Records a proposed action and sets it on its way: the policy picks risk and mode; `auto` runs now, `ask`
 * and `require_approval` wait for a decision, with the request posted and the next reminder, escalation or
 * expiry scheduled. Every proposal is appended to the audit ledger.
 */
export async function proposeAction(deps: ApprovalDeps, input: ProposalInput): Promise<ProposalResult> {
  const problem = checkProposal(input);
  if (problem) return { ok: false, problem };
  const payload = checkActionPayload(input.action_type, input.proposed_payload);
  if (!payload.ok) return { ok: false, problem: payload.problem };

  const policy = await deps.policyFor(input.tenantId);
  const verdict = evaluateAction(policy, {
    actionType: input.action_type,
    channel: input.channel ?? undefined,
  });
  const now = deps.now();
  const id = input.id ?? deps.newId();
  const automatic = verdict.mode === 'auto';
  const approval: Approval = {
    id,
    tenantId: input.tenantId,
    action_type: input.action_type,
    target_ref: input.target_ref.trim(),
    risk_level: verdict.risk,
    mode: verdict.mode,
    quorum: verdict.quorum,
    approver_tier: verdict.approverTier,
    reasons: verdict.reasons,
    proposed_payload: payload.payload,
    original_payload: payload.payload,
    requester: input.requester,
    ttl: Math.round(verdict.ttlMs / 1000),
    status: automatic ? 'approved' : 'pending',
    decisions: [],
    decided_by: automatic ? AUTO_DECIDER : null,
    decided_at: automatic ? now : null,
    decision: automatic ? 'approve' : null,
    reason: automatic ? 'The policy lets this action run automatically.' : null,
    model_version: input.model_version ?? null,
    trace_id: input.trace_id ?? deps.newId(),
    channel: input.channel ?? null,
    conversation: input.conversation ?? null,
    created_at: now,
    expires_at: expiresAt(policy, verdict, now),
    reminded_at: null,
    escalated_at: null,
    execution: {
      status: 'not_started',
      idempotency_key: `${input.tenantId}:${id}`,
      started_at: null,
      finished_at: null,
      summary: null,
      url: null,
    },
    messages: [],
    version: 0,
  };

  if (!(await deps.store.insert(approval))) return replayOf(deps, approval);
  deps.joinTrace(approval.trace_id);
  await deps.ledger.append({
    id: `${id}:propose`,
    tenantId: approval.tenantId,
    subject: auditSubjectOf(approval),
    verb: 'action.propose',
    payload: {
      action_type: approval.action_type,
      target_ref: approval.target_ref,
      risk_level: approval.risk_level,
      mode: approval.mode,
      quorum: approval.quorum,
      proposed_payload: approval.proposed_payload,
      model_version: approval.model_version,
      reasons: approval.reasons,
    },
    actor: approval.requester,
    outcome: automatic ? 'auto_approved' : 'pending',
    correlation_id: approval.trace_id,
  });
  deps.metrics.countProposal(approval.mode);
  deps.log.info(
    { traceId: approval.trace_id, approvalId: id, actionType: approval.action_type, mode: approval.mode },
    'action proposed',
  );

  if (automatic) return { ok: true, approval: await runApprovedAction(deps, approval) };

  const messages = await deps.notifier
    .requestDecision(approval, decisionAudienceOf(policy, approval, 'request'))
    .catch((error: unknown) => {
      // The approval stands without its message: it is listed in App Home and `approvals`.
      deps.log.warn({ traceId: approval.trace_id, approvalId: id, err: error }, 'could not post the request');
      return [];
    });
  for (const message of messages) await deps.store.addMessage(approval.tenantId, id, message);
  approval.messages.push(...messages);
  const next = nextEscalation(policy, policyDecisionOf(approval), approvalStateOf(approval), now);
  if (next) await deps.scheduleStep(approval.tenantId, id, next.at);
  return { ok: true, approval };
}

/** A proposal sent again under the same idempotency key: the first one, unchanged, if it asked the same. */
async function replayOf(deps: ApprovalDeps, proposal: Approval): Promise<ProposalResult> {
  const first = await deps.store.get(proposal.tenantId, proposal.id);
  const same =
    first &&
    first.action_type === proposal.action_type &&
    first.target_ref === proposal.target_ref &&
    first.requester === proposal.requester;
  if (!same) return { ok: false, problem: 'This idempotency key was already used for a different proposal.' };
  deps.joinTrace(first.trace_id);
  return { ok: true, approval: first, replayed: true };
}
