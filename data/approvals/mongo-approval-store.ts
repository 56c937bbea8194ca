import type { UpdateFilter } from 'mongodb';
import { isDuplicateKey } from '../db/duplicate-key.ts';
import { tenantCollection } from '../db/tenant-collection.ts';
import type { ApprovalClaimModel } from '../models/approval-claim.ts';
import type { ApprovalFields, ApprovalModel } from '../models/approval.ts';
import type { Approval, ApprovalStore } from '../../handlers/approvals/types.ts';

function toApproval({ _id, ...fields }: ApprovalFields): Approval {
  return { id: _id, ...fields } as unknown as Approval;
}

function toFields({ id, ...approval }: Approval): ApprovalFields {
  return { _id: id, ...approval } as unknown as ApprovalFields;
}

/**
 * Approvals in MongoDB, without transactions. Every change first inserts a claim for the version it creates
 * (or for the one execution): the unique `_id` lets exactly one of two racing writers through, on MongoDB and
 * on FerretDB v1, whose findAndModify is not atomic under concurrency. Only the winner then writes the
 * approval. (A process that dies between the two writes leaves that approval unchangeable; it is
 * then visible as pending with a claim and no change in `approval_claims`.)
 */
export function createMongoApprovalStore(
  Approval: ApprovalModel,
  ApprovalClaim: ApprovalClaimModel,
): ApprovalStore {
  // Reads and writes by id go through tenantCollection with a filter on `_id` alone, the one filter FerretDB v1
  // answers from an index instead of a collection scan; it checks the tenant on the document, so a document of
  // another tenant is never returned or changed. Ids are random UUIDs, so they name one approval everywhere.
  const approvals = tenantCollection(Approval);
  const orNull = (document: ApprovalFields | null) => document && toApproval(document);

  async function claim(tenantId: string, approvalId: string, step: string): Promise<boolean> {
    try {
      await ApprovalClaim.create({
        _id: `${approvalId}:${step}`,
        tenantId,
        approvalId,
        claimedAt: new Date(),
      });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async function get(tenantId: string, id: string): Promise<Approval | null> {
    return orNull(await approvals.findById(tenantId, id));
  }

  /** Applies a change the caller holds the claim for. */
  async function apply(tenantId: string, id: string, update: UpdateFilter<ApprovalFields>) {
    return orNull(await approvals.findByIdAndUpdate(tenantId, id, update));
  }

  return {
    async insert(approval) {
      try {
        await Approval.create(toFields(approval));
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },
    get,
    async update(tenantId, id, expectedVersion, changes) {
      const { id: _ignored, tenantId: _tenant, version: _version, ...fields } = changes;
      const current = await get(tenantId, id);
      if (!current || current.version !== expectedVersion) return null;
      if (!(await claim(tenantId, id, `v${expectedVersion + 1}`))) return null;
      return apply(tenantId, id, { $set: fields as Partial<ApprovalFields>, $inc: { version: 1 } });
    },
    async claimExecution(tenantId, id, startedAt) {
      const current = await get(tenantId, id);
      if (!current || current.status !== 'approved' || current.execution.status !== 'not_started')
        return null;
      if (!(await claim(tenantId, id, 'execute'))) return null;
      return apply(tenantId, id, {
        $set: { 'execution.status': 'running', 'execution.started_at': startedAt } as Partial<ApprovalFields>,
      });
    },
    async finishExecution(tenantId, id, execution) {
      return apply(tenantId, id, { $set: { execution } });
    },
    async addMessage(tenantId, id, message) {
      await approvals.updateById(tenantId, id, { $push: { messages: message } });
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
