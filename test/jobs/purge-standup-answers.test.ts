import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { createLogger } from '../../bot/logger.ts';
import { createMetrics } from '../../bot/metrics.ts';
import { readConfig } from '../../bot/config.ts';
import { defineModels, ensureIndexes, type Models } from '../../data/models/index.ts';
import { countStandupDay } from '../../data/models/standup-day.ts';
import { createBlockerStore } from '../../data/standup/mongo-blocker-store.ts';
import { purgeStandupAnswers } from '../../data/standup/purge-standup-answers.ts';
import type { BlockerDeps } from '../../handlers/standup/blocker-types.ts';
import { JOBS } from '../../jobs/index.ts';
import * as purgeStandupAnswersJob from '../../jobs/purge-standup-answers.ts';
import { PURGE_STANDUP_ANSWERS_JOB } from '../../jobs/purge-standup-answers.ts';
import * as standupBlockersJob from '../../jobs/standup-blockers.ts';
import { STANDUP_BLOCKERS_JOB } from '../../jobs/standup-blockers.ts';
import { JOBS_COLLECTION, startScheduler } from '../../jobs/scheduler.ts';
import { openTestDatabase } from '../support/database.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('standup retention (purge-standup-answers) and the blockers job', () => {
  let connection: Connection;
  let models: Models;
  const now = new Date('2026-12-02T03:00:00Z');

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
  });
  after(() => connection.close());

  // The answers as the standup store writes them.
  const answers = () => connection.db!.collection('standup_answers');
  const answer = (tenantId: string, date: string, handle: string) => ({
    tenantId,
    standupId: 'S1',
    date,
    member: { tool: 'slack', handle },
    answers: { q1: `secret words of ${handle}` },
    submittedAt: `${date}T09:40:00Z`,
    late: false,
  });
  const blocker = (tenantId: string, id: string, closedDaysAgo: number | null) => ({
    _id: id,
    tenantId,
    standupId: 'S1',
    member: { tool: 'slack', handle: 'U0REP' },
    owner: { tool: 'slack', handle: 'U0OWNER' },
    date: '2026-05-01',
    openedAt: new Date('2026-05-01T09:40:00Z'),
    text: `blocked on ${id}`,
    items: [{ kind: 'jira', key: 'PAY-12' }],
    status: closedDaysAgo === null ? 'open' : 'closed',
    closedAt: closedDaysAgo === null ? null : new Date(now.getTime() - closedDaysAgo * DAY),
    closedBy: closedDaysAgo === null ? null : 'member',
  });

  it('reads STANDUP_RETENTION_DAYS (default 180) and STANDUP_ESCALATE_AFTER_DAYS (default 2)', () => {
    assert.deepEqual(readConfig({}).standups, { retentionDays: 180, escalateAfterDays: 2 });
    assert.deepEqual(
      readConfig({ STANDUP_RETENTION_DAYS: '30', STANDUP_ESCALATE_AFTER_DAYS: '3' }).standups,
      { retentionDays: 30, escalateAfterDays: 3 },
    );
    assert.throws(() => readConfig({ STANDUP_RETENTION_DAYS: '0' }), /STANDUP_RETENTION_DAYS/);
  });

  it('purges answers older than the retention, and closed blockers’ text, keeping the day counts', async () => {
    await answers().insertMany([
      answer('T1', '2026-06-04', 'U0OLD'), // 181 days before Dec 2
      answer('T1', '2026-06-05', 'U0KEPT'), // 180 days: kept
      answer('T2', '2026-01-10', 'U0OTHER'),
    ]);
    await models.StandupBlocker.insertMany([
      blocker('T1', 'old-closed', 200),
      blocker('T1', 'recent-closed', 10),
      blocker('T1', 'old-open', null),
    ]);
    await countStandupDay(models.StandupDay, 'T1', 'S1', '2026-06-04', { prompted: 5, answered: 4 });

    assert.deepEqual(await purgeStandupAnswers(models, 180, now), { answers: 2, blockerTexts: 1 });
    assert.deepEqual(
      (await answers().find({}).sort({ date: 1 }).toArray()).map((kept) => [kept.tenantId, kept.date]),
      [['T1', '2026-06-05']],
    );
    const texts = await models.StandupBlocker.find({ tenantId: 'T1' }).sort({ _id: 1 }).lean();
    assert.deepEqual(
      texts.map((kept) => [kept._id, kept.text, kept.items.length]),
      [
        ['old-closed', null, 1],
        ['old-open', 'blocked on old-open', 1],
        ['recent-closed', 'blocked on recent-closed', 1],
      ],
    );
    const counts = await models.StandupDay.findOne({ tenantId: 'T1', _id: 'T1|S1|2026-06-04' }).lean();
    assert.equal(counts?.answered, 4);
    // A second run has nothing left to do.
    assert.deepEqual(await purgeStandupAnswers(models, 180, now), { answers: 0, blockerTexts: 0 });
  });

  it('schedules both jobs: the purge daily, the blockers every 15 minutes', async () => {
    assert.ok(JOBS.includes(purgeStandupAnswersJob));
    assert.ok(JOBS.includes(standupBlockersJob));
    await answers().insertOne(answer('T3', '2026-01-01', 'U0JOB'));
    await models.StandupBlocker.deleteMany({ tenantId: 'T1' });
    // Only the store is used here: no blocker is open, so nothing is nudged or sent.
    const standupBlockers = { blockers: createBlockerStore(models) } as BlockerDeps;
    const scheduler = await startScheduler(
      connection.db!,
      {
        log: createLogger('silent'),
        metrics: createMetrics(),
        models,
        standupRetentionDays: 180,
        standupBlockers,
      },
      { jobs: [purgeStandupAnswersJob, standupBlockersJob], processEvery: 100 },
    );
    try {
      // First run at start.
      const deadline = Date.now() + 10_000;
      while (await answers().findOne({ tenantId: 'T3' })) {
        assert.ok(Date.now() < deadline, 'the job did not purge');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const jobs = connection.db!.collection(JOBS_COLLECTION);
      assert.equal((await jobs.findOne({ name: PURGE_STANDUP_ANSWERS_JOB }))?.repeatInterval, '1 day');
      assert.equal((await jobs.findOne({ name: STANDUP_BLOCKERS_JOB }))?.repeatInterval, '15 minutes');
    } finally {
      await scheduler.stop(1_000);
    }
  });
});
