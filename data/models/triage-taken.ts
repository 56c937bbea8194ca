import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/** "I'm on it" on a PR: `_id` is `tenant|repo#n`, inserted once, so the first person to say it keeps it. */
export interface TriageTakenFields {
  _id: string;
  tenantId: string;
  repo: string;
  number: number;
  /** The name shown ("Ana is on it"). */
  by: string;
  /** `slack:U…` or `teams:<id>`. */
  account: string;
  takenAt: Date;
}

const triageTakenSchema = new Schema<TriageTakenFields>(
  {
    _id: { type: String, required: true },
    repo: { type: String, required: true },
    number: { type: Number, required: true },
    by: { type: String, required: true },
    account: { type: String, required: true },
    takenAt: { type: Date, required: true },
  },
  { collection: 'triage_taken', versionKey: false, id: false },
);
triageTakenSchema.plugin(tenantScoped);

export const defineTriageTakenModel = (connection: Connection): Model<TriageTakenFields> =>
  connection.model<TriageTakenFields>('TriageTaken', triageTakenSchema);
