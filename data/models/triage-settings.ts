import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * One team's triage settings (`triage_settings`), `_id` `${tenantId}|${team}`; the team is a standup's name,
 * `*` the tenant's own defaults. Absent fields keep the defaults (handlers/triage/thresholds.ts).
 */
export interface TriageSettingsFields {
  _id: string;
  tenantId: string;
  team: string;
  thresholds?: Record<string, number>;
  botLogins?: string[];
  /** `HH:MM` in the team's zone, for the digest. */
  digestTime?: string;
  updatedBy?: string;
  updatedAt: Date;
}

export type TriageSettingsModel = Model<TriageSettingsFields>;

const triageSettingsSchema = new Schema<TriageSettingsFields>(
  {
    _id: { type: String, required: true },
    team: { type: String, required: true },
    thresholds: { type: Schema.Types.Mixed, default: undefined },
    botLogins: { type: [String], default: undefined },
    digestTime: String,
    updatedBy: String,
    updatedAt: { type: Date, required: true },
  },
  { collection: 'triage_settings', versionKey: false, minimize: false },
);
triageSettingsSchema.plugin(tenantScoped);
triageSettingsSchema.index({ tenantId: 1, team: 1 }, { unique: true });

export function defineTriageSettingsModel(connection: Connection): TriageSettingsModel {
  return connection.model<TriageSettingsFields>('TriageSettings', triageSettingsSchema);
}
