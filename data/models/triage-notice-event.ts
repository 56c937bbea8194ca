import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * One notification event, inserted once (`_id` `<notice id>|<event key>`): the insert is the claim, so the same
 * webhook delivered twice, or normalized twice, adds one event to the person's message.
 */
export interface TriageNoticeEventFields {
  _id: string;
  tenantId: string;
  noticeId: string;
  kind: string;
  by?: string;
  detail?: string;
  url?: string;
  at: Date;
}

const triageNoticeEventSchema = new Schema<TriageNoticeEventFields>(
  {
    _id: { type: String, required: true },
    noticeId: { type: String, required: true },
    kind: { type: String, required: true },
    by: String,
    detail: String,
    url: String,
    at: { type: Date, required: true },
  },
  { collection: 'triage_notice_events', versionKey: false, id: false },
);
triageNoticeEventSchema.plugin(tenantScoped);
triageNoticeEventSchema.index({ tenantId: 1, noticeId: 1 });

export type TriageNoticeEventModel = Model<TriageNoticeEventFields>;

export function defineTriageNoticeEventModel(connection: Connection): TriageNoticeEventModel {
  return connection.model<TriageNoticeEventFields>('TriageNoticeEvent', triageNoticeEventSchema);
}
