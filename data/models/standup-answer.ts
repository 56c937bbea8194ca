import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';
import type { StandupAnswer } from '../../handlers/standup/types.ts';

/** One member's answer for one standup day (`standup_answers`); at most one per member and day. */
export type StandupAnswerFields = Omit<StandupAnswer, 'submittedAt' | 'editedAt'> & {
  submittedAt: Date;
  editedAt?: Date | null;
};

const standupAnswerSchema = new Schema<StandupAnswerFields>(
  {
    standupId: { type: String, required: true },
    date: { type: String, required: true },
    member: {
      type: new Schema(
        { tool: { type: String, required: true }, handle: { type: String, required: true } },
        { _id: false },
      ),
      required: true,
    },
    displayName: { type: String },
    // Keyed by question id; the keys are ours (`q1`…), never typed by people.
    answers: { type: Schema.Types.Mixed, required: true },
    submittedAt: { type: Date, required: true },
    editedAt: { type: Date, default: null },
    late: { type: Boolean, default: false },
  },
  { collection: 'standup_answers', minimize: false, versionKey: false },
);
standupAnswerSchema.plugin(tenantScoped);
standupAnswerSchema.index(
  { tenantId: 1, standupId: 1, date: 1, 'member.tool': 1, 'member.handle': 1 },
  { unique: true },
);

export type StandupAnswerModel = Model<StandupAnswerFields>;

export function defineStandupAnswerModel(connection: Connection): StandupAnswerModel {
  return connection.model<StandupAnswerFields>('StandupAnswer', standupAnswerSchema);
}
