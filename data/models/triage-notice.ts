import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * One person's message about one PR (`triage_notices`, `_id` `<tenant>|<login>|<repo>#<number>`): what it shows,
 * where it is (`ref`, once sent, so later events edit it in place), and whether events came since (`pending`).
 * `revision` counts its events; the delivery of a revision is claimed once in `delivery_claims`.
 */
export interface TriageNoticeFields {
  _id: string;
  tenantId: string;
  login: string;
  repo: string;
  number: number;
  title: string;
  url: string;
  role: 'author' | 'reviewer';
  revision: number;
  deliveredRevision: number;
  pending: boolean;
  ref?: Record<string, string> | null;
  changedAt: Date;
  deliveredAt?: Date | null;
}

const triageNoticeSchema = new Schema<TriageNoticeFields>(
  {
    _id: { type: String, required: true },
    login: { type: String, required: true },
    repo: { type: String, required: true },
    number: { type: Number, required: true },
    title: { type: String, default: '' },
    url: { type: String, default: '' },
    role: { type: String, required: true },
    revision: { type: Number, default: 0 },
    deliveredRevision: { type: Number, default: 0 },
    pending: { type: Boolean, default: false },
    ref: { type: Schema.Types.Mixed, default: null },
    changedAt: { type: Date, required: true },
    deliveredAt: { type: Date, default: null },
  },
  { collection: 'triage_notices', versionKey: false, id: false, minimize: false },
);
triageNoticeSchema.plugin(tenantScoped);
triageNoticeSchema.index({ tenantId: 1, pending: 1 });

export type TriageNoticeModel = Model<TriageNoticeFields>;

export function defineTriageNoticeModel(connection: Connection): TriageNoticeModel {
  return connection.model<TriageNoticeFields>('TriageNotice', triageNoticeSchema);
}
