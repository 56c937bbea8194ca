import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * What a person said about when they work (`person_availability`), one document per person (`personId`, as the
 * `people` collection links their accounts), so Slack and Teams share it.
 */
export interface PersonAvailabilityFields {
  tenantId: string;
  personId: string;
  /** IANA zone the person chose with `/em tz`; it wins over what Slack or Teams report. */
  timeZone?: string | null;
  /** What Slack's profile (`tz`) or Teams' activities (`localTimezone`) last said. */
  reportedTimeZone?: string | null;
  timeOff: { from: string; to: string; note?: string }[];
  updatedAt: Date;
}

const personAvailabilitySchema = new Schema<PersonAvailabilityFields>(
  {
    personId: { type: String, required: true },
    timeZone: { type: String, default: null },
    reportedTimeZone: { type: String, default: null },
    timeOff: { type: [{ from: String, to: String, note: String, _id: false }], default: [] },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'person_availability' },
);
personAvailabilitySchema.plugin(tenantScoped);
personAvailabilitySchema.index({ tenantId: 1, personId: 1 }, { unique: true });

export type PersonAvailabilityModel = Model<PersonAvailabilityFields>;

export function definePersonAvailabilityModel(connection: Connection): PersonAvailabilityModel {
  return connection.model<PersonAvailabilityFields>('PersonAvailability', personAvailabilitySchema);
}
