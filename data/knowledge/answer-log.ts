import type { AnswerLog, AnswerView } from '../../handlers/ask/types.ts';
import type { AnswerRecordModel } from '../models/answer-record.ts';
import type { KnowledgeChunkModel } from '../models/knowledge-chunk.ts';

/** Records each answer with the sources it cited (looked up by URL among the tenant's chunks). */
export function createAnswerLog(records: AnswerRecordModel, chunks: KnowledgeChunkModel): AnswerLog {
  return {
    async record(tenantId, userId, conversationId, view: AnswerView) {
      const urls = view.citations.map((citation) => citation.url);
      const cited = await chunks
        .find({ tenantId, url: { $in: urls } }, { source: 1, path: 1, url: 1, updatedAt: 1 })
        .lean();
      const byUrl = new Map(cited.map((chunk) => [chunk.url, chunk]));
      await records.create({
        _id: view.answerId,
        tenantId,
        userId,
        conversationId,
        mode: view.mode,
        citations: urls
          .map((url) => byUrl.get(url))
          .filter((chunk): chunk is NonNullable<typeof chunk> => chunk !== undefined)
          .map((chunk) => ({
            source: chunk.source,
            path: chunk.path,
            url: chunk.url,
            updatedAt: chunk.updatedAt,
          })),
        view: JSON.parse(JSON.stringify(view)) as Record<string, unknown>,
        createdAt: new Date(),
      });
    },
  };
}
