import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * A team's digest choices (`triage_digest_settings`, `_id` `<tenant>|<standupId>`): the local time it posts and
 * whether it posts at all. Absent: 10:00, on. Kept here until the per-team triage settings store (branch
 * triage-core) takes them over.
 */
export interface TriageDigestSettingsFields {
  _id: string;
  tenantId: string;
  standupId: string;
  enabled: boolean;
  time: string;
  updatedAt: Date;
}

const triageDigestSettingsSchema = new Schema<TriageDigestSettingsFields>(
  {
    _id: { type: String, required: true },
    standupId: { type: String, required: true },
    enabled: { type: Boolean, required: true },
    time: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'triage_digest_settings', versionKey: false, id: false },
);
triageDigestSettingsSchema.plugin(tenantScoped);

export type TriageDigestSettingsModel = Model<TriageDigestSettingsFields>;

export function defineTriageDigestSettingsModel(connection: Connection): TriageDigestSettingsModel {
  return connection.model<TriageDigestSettingsFields>('TriageDigestSettings', triageDigestSettingsSchema);
}
