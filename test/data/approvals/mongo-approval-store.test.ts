import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { createMongoApprovalStore } from '../../../data/approvals/mongo-approval-store.ts';
import { defineModels, ensureIndexes } from '../../../data/models/index.ts';
import type { Approval, ApprovalStore } from '../../../handlers/approvals/types.ts';
import { openTestDatabase } from '../../support/database.ts';

const TENANT = 'T0STORE';

function approval(id: string, overrides: Partial<Approval> = {}): Approval {
  const now = new Date();
  return {
    id,
    tenantId: TENANT,
    action_type: 'deploy.tag',
    target_ref: 'test:deploy',
    risk_level: 'high',
    mode: 'require_approval',
    quorum: 1,
    approver_tier: 'high',
    reasons: [],
    proposed_payload: {},
    original_payload: {},
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
    expires_at: null,
    reminded_at: null,
    escalated_at: null,
    execution: {
      status: 'not_started',
      idempotency_key: `${TENANT}:${id}`,
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

describe('MongoDB approval store: racing writers', () => {
  let connection: Connection;
  let store: ApprovalStore;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    const models = defineModels(connection);
    await ensureIndexes(models);
    store = createMongoApprovalStore(models.Approval, models.ApprovalClaim);
  });
  after(() => connection.close());

  it('lets exactly one of many writers holding the same version land (FerretDB updates are not atomic)', async () => {
    await store.insert(approval('race-update'));
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        store.update(TENANT, 'race-update', 0, { status: 'approved', decided_by: `slack:U${index}` }),
      ),
    );
    const landed = results.filter((result) => result !== null);
    assert.equal(landed.length, 1, `${landed.length} writers landed on version 0`);
    const stored = await store.get(TENANT, 'race-update');
    assert.equal(stored?.version, 1);
    assert.equal(stored?.decided_by, landed[0]?.decided_by);
    assert.equal(await store.update(TENANT, 'race-update', 0, { reason: 'late' }), null, 'a stale version');
    assert.ok(await store.update(TENANT, 'race-update', 1, { reason: 'next' }), 'the next version is free');
  });

  it('lets exactly one of many claimants start an execution', async () => {
    await store.insert(approval('race-claim', { status: 'approved' }));
    const claims = await Promise.all(
      Array.from({ length: 8 }, () => store.claimExecution(TENANT, 'race-claim', new Date())),
    );
    assert.equal(claims.filter((claim) => claim !== null).length, 1);
    assert.equal((await store.get(TENANT, 'race-claim'))?.execution.status, 'running');
  });

  it('does not claim an execution that is not approved, so it can still run once approved', async () => {
    await store.insert(approval('not-yet'));
    assert.equal(await store.claimExecution(TENANT, 'not-yet', new Date()), null);
    const approved = await store.update(TENANT, 'not-yet', 0, { status: 'approved' });
    assert.ok(approved);
    assert.ok(await store.claimExecution(TENANT, 'not-yet', new Date()));
  });
});
