import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';
import type { Standup } from '../../handlers/standup/types.ts';

/** One `standups` document: handlers/standup's `Standup`, its id as `_id` (`st_…`), dates as Dates. */
export type StandupFields = Omit<Standup, 'id' | 'createdAt' | 'updatedAt'> & {
  _id: string;
  createdAt: Date;
  updatedAt: Date;
};

const account = { tool: { type: String, required: true }, handle: { type: String, required: true } };

const standupSchema = new Schema<StandupFields>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    surface: { type: String, required: true },
    reportChannel: { type: String, required: true },
    owner: { type: new Schema(account, { _id: false }), required: true },
    members: { type: [new Schema(account, { _id: false })], default: [] },
    // A union (people, a Slack user group, a Teams roster): stored as given.
    memberSource: { type: Schema.Types.Mixed, required: true },
    questions: {
      type: [
        new Schema(
          {
            id: String,
            text: String,
            kind: String,
            choices: { type: [String], default: undefined },
            blockers: Boolean,
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    days: { type: [Number], default: [] },
    promptTime: { type: String, required: true },
    deadlineTime: { type: String, required: true },
    reminderMinutes: { type: Number, default: null },
    paused: { type: Boolean, default: false },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'standups', minimize: false, versionKey: false },
);
standupSchema.plugin(tenantScoped);
standupSchema.index({ tenantId: 1, name: 1 });

export type StandupModel = Model<StandupFields>;

export function defineStandupModel(connection: Connection): StandupModel {
  return connection.model<StandupFields>('Standup', standupSchema);
}
