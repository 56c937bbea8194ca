import type { AnswerStore } from '../../handlers/ask/handle-answer-action.ts';
import type { AnswerView } from '../../handlers/ask/types.ts';
import type { AnswerFeedbackModel } from '../models/answer-feedback.ts';
import type { AnswerRecordModel } from '../models/answer-record.ts';

export function createAnswerStore(records: AnswerRecordModel, feedback: AnswerFeedbackModel): AnswerStore {
  return {
    async find(tenantId, answerId) {
      const record = await records.findOne({ tenantId, _id: answerId }).lean();
      // A purged record (ASK_RETENTION_DAYS) has no view left to share or vote on.
      return record && !record.purgedAt ? (record.view as unknown as AnswerView) : undefined;
    },
    async saveFeedback(tenantId, answerId, userId, helpful) {
      const record = await records.findOne({ tenantId, _id: answerId }).lean();
      await feedback.updateOne(
        { tenantId, answerId, userId },
        {
          $set: { helpful, createdAt: new Date() },
          $setOnInsert: { sources: (record?.citations ?? []).map(({ source, path }) => ({ source, path })) },
        },
        { upsert: true },
      );
    },
  };
}
