import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * The one nudge a person gets about a PR on one of their working days: `_id` is `tenant|repo#n|login|localDate`.
 * Inserting it is the atomic step (one writer wins the `_id`, on MongoDB and FerretDB v1 alike), so double
 * clicks, two viewers and two instances send one direct message. Old claims are only history; nothing reads them.
 */
export interface TriageNudgeFields {
  _id: string;
  tenantId: string;
  claimedAt: Date;
}

const triageNudgeSchema = new Schema<TriageNudgeFields>(
  { _id: { type: String, required: true }, claimedAt: { type: Date, required: true } },
  { collection: 'triage_nudges', versionKey: false, id: false },
);
triageNudgeSchema.plugin(tenantScoped);

export const defineTriageNudgeModel = (connection: Connection): Model<TriageNudgeFields> =>
  connection.model<TriageNudgeFields>('TriageNudge', triageNudgeSchema);
