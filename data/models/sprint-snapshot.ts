import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * A sprint's contents when its sprint_started webhook was normalized: `_id` is `tenant|sprintId`, inserted once,
 * so a replayed webhook never replaces what was seen first. Sprint health reads it beside the issues' history.
 */
export interface SprintSnapshotFields {
  _id: string;
  tenantId: string;
  sprintId: number;
  /** When the bot took it, and when Jira sent the start event. */
  takenAt: Date;
  eventAt?: Date;
  issues: { issueId: string; key?: string; storyPoints?: number; statusCategory?: string }[];
}

const sprintSnapshotSchema = new Schema<SprintSnapshotFields>(
  {
    _id: { type: String, required: true },
    sprintId: { type: Number, required: true },
    takenAt: { type: Date, required: true },
    eventAt: Date,
    issues: [
      {
        _id: false,
        issueId: { type: String, required: true },
        key: String,
        storyPoints: Number,
        statusCategory: String,
      },
    ],
  },
  { collection: 'sprint_snapshots', versionKey: false, id: false },
);
sprintSnapshotSchema.plugin(tenantScoped);

export type SprintSnapshotModel = Model<SprintSnapshotFields>;

export const defineSprintSnapshotModel = (connection: Connection): SprintSnapshotModel =>
  connection.model<SprintSnapshotFields>('SprintSnapshot', sprintSnapshotSchema);

export const sprintSnapshotIdOf = (tenantId: string, sprintId: number) => `${tenantId}|${sprintId}`;
