import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * A PR one viewer snoozed in their `/triage` queue: `_id` is `tenant|viewer|repo#n` (snoozing again replaces
 * it). Either `until` (a day) or `head` (until the next commit) is set.
 */
export interface TriageSnoozeFields {
  _id: string;
  tenantId: string;
  /** `slack:U…` or `teams:<id>`. */
  viewer: string;
  repo: string;
  number: number;
  until?: Date;
  head?: string;
  snoozedAt: Date;
}

const triageSnoozeSchema = new Schema<TriageSnoozeFields>(
  {
    _id: { type: String, required: true },
    viewer: { type: String, required: true },
    repo: { type: String, required: true },
    number: { type: Number, required: true },
    until: Date,
    head: String,
    snoozedAt: { type: Date, required: true },
  },
  { collection: 'triage_snoozes', versionKey: false, id: false },
);
triageSnoozeSchema.plugin(tenantScoped);
triageSnoozeSchema.index({ tenantId: 1, viewer: 1 });

export const defineTriageSnoozeModel = (connection: Connection): Model<TriageSnoozeFields> =>
  connection.model<TriageSnoozeFields>('TriageSnooze', triageSnoozeSchema);
