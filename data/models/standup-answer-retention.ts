import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * The two fields of `standup_answers` retention reads (the standup store owns the collection and its full
 * schema): whose answers, and for which local date. Declares no index of its own, so it never conflicts with
 * the store's.
 */
export interface StandupAnswerRetentionFields {
  tenantId: string;
  /** The member's local date, `YYYY-MM-DD`. */
  date: string;
}

const standupAnswerRetentionSchema = new Schema<StandupAnswerRetentionFields>(
  { date: { type: String, required: true } },
  { collection: 'standup_answers', strict: false, versionKey: false, autoIndex: false },
);
standupAnswerRetentionSchema.plugin(tenantScoped);

export type StandupAnswerRetentionModel = Model<StandupAnswerRetentionFields>;

export function defineStandupAnswerRetentionModel(connection: Connection): StandupAnswerRetentionModel {
  return connection.model<StandupAnswerRetentionFields>(
    'StandupAnswerRetention',
    standupAnswerRetentionSchema,
  );
}
