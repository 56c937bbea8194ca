import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/** Helpful / not helpful on one answer, one vote per person per answer (a second click changes the vote). */
export interface AnswerFeedbackFields {
  tenantId: string;
  answerId: string;
  userId: string;
  helpful: boolean;
  /** The sources the answer cited (`source` + `path`), so unhelpful sources can be reported to their owners. */
  sources: { source: string; path: string }[];
  createdAt: Date;
}

const answerFeedbackSchema = new Schema<AnswerFeedbackFields>(
  {
    answerId: { type: String, required: true },
    userId: { type: String, required: true },
    helpful: { type: Boolean, required: true },
    sources: { type: [{ source: String, path: String, _id: false }], default: [] },
    createdAt: { type: Date, required: true },
  },
  { collection: 'answer_feedback' },
);
answerFeedbackSchema.plugin(tenantScoped);
answerFeedbackSchema.index({ tenantId: 1, answerId: 1, userId: 1 }, { unique: true });
answerFeedbackSchema.index({ tenantId: 1, createdAt: -1 });

export type AnswerFeedbackModel = Model<AnswerFeedbackFields>;

export function defineAnswerFeedbackModel(connection: Connection): AnswerFeedbackModel {
  return connection.model<AnswerFeedbackFields>('AnswerFeedback', answerFeedbackSchema);
}
