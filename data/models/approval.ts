import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * One `approvals` document: the stored form of handlers/approvals' `Approval`, with the id as `_id`.
 * Nested records (decisions, execution, messages, channel) are plain JSON, written whole by the store.
 */
export interface ApprovalFields {
  _id: string;
  tenantId: string;
  action_type: string;
  target_ref: string;
  risk_level: string;
  mode: string;
  quorum: number;
  approver_tier: string | null;
  reasons: string[];
  proposed_payload: unknown;
  original_payload: unknown;
  requester: string;
  ttl: number;
  status: string;
  decisions: unknown[];
  decided_by: string | null;
  decided_at: Date | null;
  decision: string | null;
  reason: string | null;
  model_version: string | null;
  trace_id: string;
  channel: unknown;
  conversation: unknown;
  created_at: Date;
  expires_at: Date | null;
  reminded_at: Date | null;
  escalated_at: Date | null;
  execution: unknown;
  messages: unknown[];
  version: number;
}

export type ApprovalModel = Model<ApprovalFields>;

const text = { type: String, required: true } as const;
const optionalText = { type: String, default: null } as const;
const optionalDate = { type: Date, default: null } as const;
const json = { type: Schema.Types.Mixed } as const;

const approvalSchema = new Schema<ApprovalFields>(
  {
    _id: text,
    action_type: text,
    target_ref: text,
    risk_level: text,
    mode: text,
    quorum: { type: Number, required: true },
    approver_tier: optionalText,
    reasons: [String],
    proposed_payload: json,
    original_payload: json,
    requester: text,
    ttl: { type: Number, required: true },
    status: text,
    decisions: [json],
    decided_by: optionalText,
    decided_at: optionalDate,
    decision: optionalText,
    reason: optionalText,
    model_version: optionalText,
    trace_id: text,
    channel: json,
    conversation: json,
    created_at: { type: Date, required: true },
    expires_at: optionalDate,
    reminded_at: optionalDate,
    escalated_at: optionalDate,
    execution: json,
    messages: [json],
    version: { type: Number, required: true },
  },
  { collection: 'approvals', versionKey: false, minimize: false, id: false },
);
approvalSchema.plugin(tenantScoped);
approvalSchema.index({ tenantId: 1, status: 1, created_at: 1 });

export function defineApprovalModel(connection: Connection): ApprovalModel {
  return connection.model<ApprovalFields>('Approval', approvalSchema);
}
