import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * Whether a team gets the triage digest (`triage_digest_settings`, `_id` `<tenant>|<standupId>`); absent: it
 * does. The digest's time is the team's triage setting (`triage_settings.digestTime`).
 */
export interface TriageDigestSettingsFields {
  _id: string;
  tenantId: string;
  standupId: string;
  enabled: boolean;
  updatedAt: Date;
}

const triageDigestSettingsSchema = new Schema<TriageDigestSettingsFields>(
  {
    _id: { type: String, required: true },
    standupId: { type: String, required: true },
    enabled: { type: Boolean, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'triage_digest_settings', versionKey: false, id: false },
);
triageDigestSettingsSchema.plugin(tenantScoped);

export type TriageDigestSettingsModel = Model<TriageDigestSettingsFields>;

export function defineTriageDigestSettingsModel(connection: Connection): TriageDigestSettingsModel {
  return connection.model<TriageDigestSettingsFields>('TriageDigestSettings', triageDigestSettingsSchema);
}
