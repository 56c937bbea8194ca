import type { Approval } from '../../handlers/approvals/types.ts';

/** A pending require_approval request as the store holds it; tests override what they look at. */
export function pendingApproval(overrides: Partial<Approval> = {}): Approval {
  const now = new Date('2026-11-24T09:00:00Z');
  const id = overrides.id ?? 'a-1';
  const tenantId = overrides.tenantId ?? 'T0EMAGENT';
  return {
    id,
    tenantId,
    action_type: 'deploy.tag',
    target_ref: 'test:deploy',
    risk_level: 'medium',
    mode: 'require_approval',
    quorum: 1,
    approver_tier: 'medium',
    reasons: ['deploy.tag is medium risk.'],
    proposed_payload: { tag: 'v1' },
    original_payload: { tag: 'v1' },
    requester: 'slack:U0ALICE',
    ttl: 3600,
    status: 'pending',
    decisions: [],
    decided_by: null,
    decided_at: null,
    decision: null,
    reason: null,
    model_version: null,
    trace_id: `trace-${id}`,
    channel: null,
    conversation: null,
    created_at: now,
    expires_at: new Date(now.getTime() + 3_600_000),
    reminded_at: null,
    escalated_at: null,
    execution: {
      status: 'not_started',
      idempotency_key: `${tenantId}:${id}`,
      started_at: null,
      finished_at: null,
      summary: null,
      url: null,
    },
    messages: [],
    version: 0,
    ...overrides,
  };
}
