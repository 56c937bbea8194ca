import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * Every answer given: what was cited and how (quality report, stale-docs digest), and the view itself so
 * "share with channel" can post exactly what the asker saw (Slack cannot read an ephemeral message back).
 */
export interface AnswerRecordFields {
  _id: string;
  tenantId: string;
  userId: string;
  conversationId?: string;
  mode: 'llm' | 'extractive' | 'unknown';
  citations: { source: string; path: string; url: string; updatedAt: Date }[];
  /** `{ purged: true }` once older than ASK_RETENTION_DAYS (the purge-answer-text job). */
  view: Record<string, unknown>;
  createdAt: Date;
  purgedAt?: Date | null;
}

const answerRecordSchema = new Schema<AnswerRecordFields>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    conversationId: { type: String },
    mode: { type: String, enum: ['llm', 'extractive', 'unknown'], required: true },
    citations: {
      type: [{ source: String, path: String, url: String, updatedAt: Date, _id: false }],
      default: [],
    },
    view: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true },
    purgedAt: { type: Date, default: null },
  },
  { collection: 'answer_records', minimize: false },
);
answerRecordSchema.plugin(tenantScoped);
answerRecordSchema.index({ tenantId: 1, createdAt: -1 });

export type AnswerRecordModel = Model<AnswerRecordFields>;

export function defineAnswerRecordModel(connection: Connection): AnswerRecordModel {
  return connection.model<AnswerRecordFields>('AnswerRecord', answerRecordSchema);
}
