import { Temporal } from 'temporal-polyfill';
import { tenantCollection } from '../db/tenant-collection.ts';
import type { Models } from '../models/index.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes standup answers for local dates more than `retentionDays` ago, and empties the text of blockers closed
 * before then; the day rollups (`standup_days`) and the blockers' dates, links and status stay, so stats still
 * count them. Tenant by tenant, through the scoped models.
 */
export async function purgeStandupAnswers(
  models: Pick<Models, 'StandupAnswerRetention' | 'StandupBlocker'>,
  retentionDays: number,
  now = new Date(),
): Promise<{ answers: number; blockerTexts: number }> {
  const { StandupAnswerRetention, StandupBlocker } = models;
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const cutoffDate = Temporal.Instant.fromEpochMilliseconds(cutoff.getTime())
    .toZonedDateTimeISO('UTC')
    .toPlainDate()
    .toString();
  const oldAnswers = { date: { $lt: cutoffDate } };
  const oldTexts = { status: 'closed' as const, closedAt: { $lt: cutoff }, text: { $ne: null } };
  // The cross-tenant reads: which tenants have anything old enough (tenant ids only).
  const tenants = new Set([
    ...(await tenantCollection(StandupAnswerRetention).tenantIds(oldAnswers)),
    ...(await tenantCollection(StandupBlocker).tenantIds(oldTexts)),
  ]);
  let answers = 0;
  let blockerTexts = 0;
  for (const tenantId of tenants) {
    answers += (await StandupAnswerRetention.deleteMany({ tenantId, ...oldAnswers })).deletedCount;
    const purged = await StandupBlocker.updateMany(
      { tenantId, ...oldTexts },
      { $set: { text: null, purgedAt: now } },
    );
    blockerTexts += purged.modifiedCount;
  }
  return { answers, blockerTexts };
}
