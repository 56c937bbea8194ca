import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/** A team's (tenant's) default working days, hours and holiday region (`team_availability`), one per tenant. */
export interface TeamAvailabilityFields {
  tenantId: string;
  workingDays?: number[] | null;
  workingHours?: { start: string; end: string } | null;
  /** `DE-BY`, or `none`; null: each person's chat locale decides. */
  holidayRegion?: string | null;
  /** Policy user id of whoever changed them last. */
  updatedBy: string;
  updatedAt: Date;
}

export type TeamAvailabilityModel = Model<TeamAvailabilityFields>;

const teamAvailabilitySchema = new Schema<TeamAvailabilityFields>(
  {
    workingDays: { type: [Number], default: null },
    workingHours: { type: { start: String, end: String, _id: false }, default: null },
    holidayRegion: { type: String, default: null },
    updatedBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'team_availability', versionKey: false },
);
teamAvailabilitySchema.plugin(tenantScoped);
teamAvailabilitySchema.index({ tenantId: 1 }, { unique: true });

export function defineTeamAvailabilityModel(connection: Connection): TeamAvailabilityModel {
  return connection.model<TeamAvailabilityFields>('TeamAvailability', teamAvailabilitySchema);
}
