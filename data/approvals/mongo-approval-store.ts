import type { ApprovalClaimModel } from '../models/approval-claim.ts';
import type { ApprovalFields, ApprovalModel } from '../models/approval.ts';
import type { Approval, ApprovalStore } from '../../handlers/approvals/types.ts';

function toApproval({ _id, ...fields }: ApprovalFields): Approval {
  return { id: _id, ...fields } as unknown as Approval;
}

function toFields({ id, ...approval }: Approval): ApprovalFields {
  return { _id: id, ...approval } as unknown as ApprovalFields;
}

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}

/**
 * Approvals in MongoDB. Without transactions, every change is one conditional `findOneAndUpdate`: on the
 * version it read (decisions, expiry, escalation) or on the execution state (claiming the run). MongoDB
 * applies those atomically, but FerretDB v1 reads and then writes by `_id`, so two racing writers could both
 * match; each writer therefore first inserts a claim on what it is about to change (the version it read, or
 * the execution), and only the one whose insert succeeds writes.
 */
export function createMongoApprovalStore(
  Approval: ApprovalModel,
  ApprovalClaim: ApprovalClaimModel,
): ApprovalStore {
  const after = { returnDocument: 'after' } as const;
  const found = (document: ApprovalFields | null) => (document ? toApproval(document) : null);
  async function claim(tenantId: string, approvalId: string, what: string): Promise<boolean> {
    try {
      await ApprovalClaim.create({
        _id: `${tenantId}:${approvalId}:${what}`,
        tenantId,
        approvalId,
        claimed_at: new Date(),
      });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
  return {
    async insert(approval) {
      await Approval.create(toFields(approval));
    },
    async get(tenantId, id) {
      return found(await Approval.findOne({ tenantId, _id: id }).lean<ApprovalFields>());
    },
    async update(tenantId, id, expectedVersion, changes) {
      const { id: _ignored, tenantId: _tenant, version: _version, ...fields } = changes;
      // A stale writer may claim an old version: harmless, the version it names no longer matches.
      if (!(await claim(tenantId, id, `v${expectedVersion}`))) return null;
      return found(
        await Approval.findOneAndUpdate(
          { tenantId, _id: id, version: expectedVersion },
          { $set: fields, $inc: { version: 1 } },
          after,
        ).lean<ApprovalFields>(),
      );
    },
    async claimExecution(tenantId, id, startedAt) {
      const runnable = { tenantId, _id: id, status: 'approved', 'execution.status': 'not_started' };
      if (!(await Approval.exists(runnable)) || !(await claim(tenantId, id, 'execution'))) return null;
      return found(
        await Approval.findOneAndUpdate(
          { tenantId, _id: id, status: 'approved', 'execution.status': 'not_started' },
          {
            $set: { 'execution.status': 'running', 'execution.started_at': startedAt },
            $inc: { version: 1 },
          },
          after,
        ).lean<ApprovalFields>(),
      );
    },
    async finishExecution(tenantId, id, execution) {
      return found(
        await Approval.findOneAndUpdate(
          { tenantId, _id: id, 'execution.status': 'running' },
          { $set: { execution }, $inc: { version: 1 } },
          after,
        ).lean<ApprovalFields>(),
      );
    },
    async addMessage(tenantId, id, message) {
      await Approval.updateOne({ tenantId, _id: id }, { $push: { messages: message } });
    },
    async listPending(tenantId, limit) {
      const documents = await Approval.find({ tenantId, status: 'pending' })
        .sort({ created_at: 1 })
        .limit(limit)
        .lean<ApprovalFields[]>();
      return documents.map(toApproval);
    },
  };
}
