import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * One claimed transition of an approval: `<approval id>:v<version>` for a state change, `<approval id>:execute`
 * for its one run. Inserting the claim is the atomic step: the `_id` index lets exactly one writer have it,
 * on MongoDB and on FerretDB v1 alike (whose findAndModify is not atomic under concurrency).
 */
export interface ApprovalClaimFields {
  _id: string;
  tenantId: string;
  approvalId: string;
  claimedAt: Date;
}

export type ApprovalClaimModel = Model<ApprovalClaimFields>;

const approvalClaimSchema = new Schema<ApprovalClaimFields>(
  {
    _id: { type: String, required: true },
    approvalId: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { collection: 'approval_claims', versionKey: false, id: false },
);
approvalClaimSchema.plugin(tenantScoped);
approvalClaimSchema.index({ tenantId: 1, approvalId: 1 });

export function defineApprovalClaimModel(connection: Connection): ApprovalClaimModel {
  return connection.model<ApprovalClaimFields>('ApprovalClaim', approvalClaimSchema);
}
