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
  /** Set with `/em hours`; null: the team's (or the built-in) hours. */
  workingDays?: number[] | null;
  workingHours?: { start: string; end: string } | null;
  /** Set with `/em holidays`: `US-CA`, or `none`; null: the team's, else the chat locale's country. */
  holidayRegion?: string | null;
  /** The country of the chat locale (Slack's `locale`, Teams' activity `locale`). */
  reportedRegion?: string | null;
  /** A Slack vacation or out-of-office status, as time off; null when the status says nothing of the kind. */
  reportedAway?: { from: string; to: string; note?: string } | null;
  updatedAt: Date;
}

const personAvailabilitySchema = new Schema<PersonAvailabilityFields>(
  {
    personId: { type: String, required: true },
    timeZone: { type: String, default: null },
    reportedTimeZone: { type: String, default: null },
    timeOff: { type: [{ from: String, to: String, note: String, _id: false }], default: [] },
    workingDays: { type: [Number], default: null },
    workingHours: { type: { start: String, end: String, _id: false }, default: null },
    holidayRegion: { type: String, default: null },
    reportedRegion: { type: String, default: null },
    reportedAway: { type: { from: String, to: String, note: String, _id: false }, default: null },
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
