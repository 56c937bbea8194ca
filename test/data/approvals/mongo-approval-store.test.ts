import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { createMongoApprovalStore } from '../../../data/approvals/mongo-approval-store.ts';
import { defineModels, ensureIndexes } from '../../../data/models/index.ts';
import type { ApprovalStore } from '../../../handlers/approvals/types.ts';
import { pendingApproval } from '../../support/approval-fixture.ts';
import { openTestDatabase } from '../../support/database.ts';

const approvalFor = (tenantId: string, id: string) =>
  pendingApproval({
    tenantId,
    id,
    action_type: 'pr.merge',
    target_ref: `github:acme/api#${id}`,
    risk_level: 'high',
    approver_tier: 'high',
  });

describe('MongoApprovalStore (real database, no transactions)', () => {
  let connection: Connection;
  let store: ApprovalStore;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    const models = defineModels(connection);
    await ensureIndexes(models);
    store = createMongoApprovalStore(models.Approval, models.ApprovalClaim);
    // Enough documents that FerretDB's scans take long enough for racing writers to overlap.
    await models.Approval.insertMany(
      Array.from({ length: 200 }, (_, index) => {
        const { id, ...fields } = approvalFor('T0BULK', `bulk-${index}`);
        return { _id: id, ...fields };
      }),
    );
  });
  after(() => connection.close());

  it('lets exactly one of 40 concurrent writers change a version', async () => {
    await store.insert(approvalFor('T0A', 'race-1'));
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        store.update('T0A', 'race-1', 0, { status: 'approved', decided_by: `slack:U0${index}` }),
      ),
    );
    const winners = results.filter((result) => result !== null);
    assert.equal(winners.length, 1);
    const stored = await store.get('T0A', 'race-1');
    assert.equal(stored?.version, 1);
    assert.equal(stored?.decided_by, winners[0]!.decided_by);
    assert.equal(await store.update('T0A', 'race-1', 0, { status: 'declined' }), null, 'a stale version');
  });

  it('hands the execution to exactly one of 20 concurrent claimers, and only once approved', async () => {
    await store.insert(approvalFor('T0A', 'run-1'));
    assert.equal(await store.claimExecution('T0A', 'run-1', new Date()), null, 'not approved yet');
    await store.update('T0A', 'run-1', 0, { status: 'approved' });
    const claims = await Promise.all(
      Array.from({ length: 20 }, () => store.claimExecution('T0A', 'run-1', new Date())),
    );
    assert.equal(claims.filter((claim) => claim !== null).length, 1);
    assert.equal((await store.get('T0A', 'run-1'))?.execution.status, 'running');
  });

  it('never shows or changes an approval of another tenant', async () => {
    await store.insert(approvalFor('T0A', 'mine'));
    assert.equal(await store.get('T0B', 'mine'), null);
    assert.equal(await store.update('T0B', 'mine', 0, { status: 'declined' }), null);
    await store.addMessage('T0B', 'mine', { surface: 'slack', conversation: 'C1', messageId: '1.2' });
    const stored = await store.get('T0A', 'mine');
    assert.equal(stored?.status, 'pending');
    assert.deepEqual(stored?.messages, []);
    assert.deepEqual(
      (await store.listPending('T0B', 10)).map((approval) => approval.id),
      [],
    );
  });
});
