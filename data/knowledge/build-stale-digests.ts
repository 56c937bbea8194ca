import { upsertRetryingRace } from '../db/duplicate-key.ts';
import { findStaleDocs, isoWeek, type OwnerDigest } from '../../handlers/ask/find-stale-docs.ts';
import type { Models } from '../models/index.ts';

const LOOKBACK_DAYS = 30;

/**
 * Finds the tenant's stale or unhelpful cited docs over the last 30 days, and its docs holding secrets, and
 * records one digest per owner per ISO week (a unique key, so running it twice in a week records nothing new).
 * Returns the digests created.
 */
export async function buildStaleDigests(
  models: Models,
  tenantId: string,
  now = new Date(),
): Promise<OwnerDigest[]> {
  const since = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000);
  const [answers, votes, documents] = await Promise.all([
    models.AnswerRecord.find(
      { tenantId, createdAt: { $gte: since }, mode: { $ne: 'unknown' } },
      { citations: 1 },
    ).lean(),
    models.AnswerFeedback.find(
      { tenantId, createdAt: { $gte: since }, helpful: false },
      { sources: 1 },
    ).lean(),
    models.KnowledgeDocument.find(
      { tenantId },
      { source: 1, path: 1, owners: 1, authors: 1, secrets: 1 },
    ).lean(),
  ]);
  const digests = findStaleDocs(
    answers.flatMap((answer) => answer.citations),
    votes.flatMap((vote) => vote.sources),
    documents,
    now,
  );
  const week = isoWeek(now);
  const created: OwnerDigest[] = [];
  for (const digest of digests) {
    const result = await upsertRetryingRace(() =>
      models.StaleDocsDigest.updateOne(
        { tenantId, key: `${week}:${digest.owner}` },
        { $setOnInsert: { owner: digest.owner, items: digest.items, createdAt: now, deliveredAt: null } },
        { upsert: true },
      ),
    );
    if (result.upsertedCount === 1) created.push(digest);
  }
  return created;
}
