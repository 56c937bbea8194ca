import { isDuplicateKey, upsertRetryingRace } from '../db/duplicate-key.ts';
import type { AnswerStore } from '../../handlers/ask/handle-answer-action.ts';
import type { AnswerView } from '../../handlers/ask/types.ts';
import type { AnswerFeedbackModel } from '../models/answer-feedback.ts';
import type { AnswerRecordModel } from '../models/answer-record.ts';
import type { DeliveryClaimModel } from '../models/delivery-claim.ts';

export function createAnswerStore(
  records: AnswerRecordModel,
  feedback: AnswerFeedbackModel,
  claims: DeliveryClaimModel,
): AnswerStore {
  const claimId = (tenantId: string, answerId: string, person: string) =>
    `${tenantId}|ask-person|${answerId}|${person}`;
  return {
    async claimQuestion(tenantId, answerId, person) {
      try {
        await claims.create({ _id: claimId(tenantId, answerId, person), tenantId, claimedAt: new Date() });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },
    async releaseQuestion(tenantId, answerId, person) {
      await claims.deleteOne({ tenantId, _id: claimId(tenantId, answerId, person) });
    },
    async find(tenantId, answerId) {
      const record = await records.findOne({ tenantId, _id: answerId }).lean();
      // A purged record (ASK_RETENTION_DAYS) has no view left to share or vote on.
      return record && !record.purgedAt ? (record.view as unknown as AnswerView) : undefined;
    },
    async saveFeedback(tenantId, answerId, userId, helpful) {
      const record = await records.findOne({ tenantId, _id: answerId }).lean();
      await upsertRetryingRace(() =>
        feedback.updateOne(
          { tenantId, answerId, userId },
          {
            $set: { helpful, createdAt: new Date() },
            $setOnInsert: {
              sources: (record?.citations ?? []).map(({ source, path }) => ({ source, path })),
            },
          },
          { upsert: true },
        ),
      );
    },
  };
}
