import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * One document per approval state a writer took over: `<tenant>:<approval>:v<version>` for a decision, expiry or
 * escalation, `<tenant>:<approval>:execution` for the one run. Inserting a taken `_id` fails on every backend,
 * which makes the claim atomic where a conditional update is not (FerretDB v1 reads, then writes by `_id`).
 */
export interface ApprovalClaimFields {
  _id: string;
  tenantId: string;
  approvalId: string;
  claimed_at: Date;
}

export type ApprovalClaimModel = Model<ApprovalClaimFields>;

const approvalClaimSchema = new Schema<ApprovalClaimFields>(
  {
    _id: { type: String, required: true },
    approvalId: { type: String, required: true },
    claimed_at: { type: Date, required: true },
  },
  { collection: 'approval_claims', versionKey: false, id: false },
);
approvalClaimSchema.plugin(tenantScoped);
approvalClaimSchema.index({ tenantId: 1, approvalId: 1 });

export function defineApprovalClaimModel(connection: Connection): ApprovalClaimModel {
  return connection.model<ApprovalClaimFields>('ApprovalClaim', approvalClaimSchema);
}
