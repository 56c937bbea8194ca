import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { createLogger } from '../../bot/logger.ts';
import { createMetrics } from '../../bot/metrics.ts';
import type { Knowledge } from '../../data/knowledge/create-knowledge.ts';
import { createAnswerStore } from '../../data/knowledge/answer-store.ts';
import { purgeAnswerText } from '../../data/knowledge/purge-answer-text.ts';
import { defineModels, ensureIndexes, type Models } from '../../data/models/index.ts';
import { buildQualityReport } from '../../handlers/ask/quality-report.ts';
import { JOBS } from '../../jobs/index.ts';
import * as purgeAnswerTextJob from '../../jobs/purge-answer-text.ts';
import { PURGE_ANSWER_TEXT_JOB } from '../../jobs/purge-answer-text.ts';
import { JOBS_COLLECTION, startScheduler } from '../../jobs/scheduler.ts';
import { openTestDatabase } from '../support/database.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('answer retention (purge-answer-text)', () => {
  let connection: Connection;
  let models: Models;
  const now = new Date('2026-11-20T00:00:00Z');

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
  });
  after(() => connection.close());

  const record = (
    tenantId: string,
    id: string,
    ageDays: number,
    mode: 'extractive' | 'unknown',
    from = now,
  ) => ({
    _id: id,
    tenantId,
    userId: 'U0BOB',
    mode,
    citations: [
      { source: 'folder:docs', path: 'docs/deploy.md', url: 'file:///docs/deploy.md#L1-L5', updatedAt: now },
    ],
    view: { kind: 'answer', answerId: id, question: `secret question ${id}`, text: 'an answer', people: [] },
    createdAt: new Date(from.getTime() - ageDays * DAY),
  });
  const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

  it('removes question and answer text older than ASK_RETENTION_DAYS, keeping what the reports count', async () => {
    await models.AnswerRecord.insertMany([
      record('T1', id(1), 91, 'extractive'),
      record('T1', id(2), 200, 'unknown'),
      record('T1', id(3), 89, 'extractive'),
      record('T2', id(4), 120, 'extractive'),
    ]);
    await models.AnswerFeedback.create({
      tenantId: 'T1',
      answerId: id(1),
      userId: 'U0CAROL',
      helpful: false,
      sources: [{ source: 'folder:docs', path: 'docs/deploy.md' }],
      createdAt: new Date(now.getTime() - 91 * DAY),
    });
    const report = async (tenantId: string) =>
      buildQualityReport({
        answers: await models.AnswerRecord.find({ tenantId }, { mode: 1 }).lean(),
        votes: await models.AnswerFeedback.find({ tenantId }, { helpful: 1, sources: 1 }).lean(),
      });
    const reportBefore = await report('T1');

    assert.equal(await purgeAnswerText(models.AnswerRecord, 90, now), 3);

    const stored = async (tenantId: string) =>
      (await models.AnswerRecord.find({ tenantId }).sort({ _id: 1 }).lean()).map((answer) => ({
        id: answer._id,
        text: JSON.stringify(answer.view),
        citations: answer.citations.length,
        purged: answer.purgedAt !== null,
      }));
    assert.deepEqual(await stored('T1'), [
      { id: id(1), text: '{"purged":true}', citations: 1, purged: true },
      { id: id(2), text: '{"purged":true}', citations: 1, purged: true },
      {
        id: id(3),
        text: JSON.stringify(record('T1', id(3), 89, 'extractive').view),
        citations: 1,
        purged: false,
      },
    ]);
    assert.equal((await stored('T2'))[0]?.purged, true, 'every tenant is purged');
    const raw = JSON.stringify(
      await models.AnswerRecord.collection.find({ purgedAt: { $ne: null } }).toArray(),
    );
    assert.doesNotMatch(raw, /secret question/);
    assert.deepEqual(await report('T1'), reportBefore, 'modes and votes survive for the quality report');
    assert.equal(await models.AnswerFeedback.countDocuments({ tenantId: 'T1' }), 1);

    const store = createAnswerStore(models.AnswerRecord, models.AnswerFeedback, models.DeliveryClaim);
    assert.equal(await store.find('T1', id(1)), undefined, 'buttons under a purged answer find nothing');
    assert.equal((await store.find('T1', id(3)))?.question, 'secret question ' + id(3));

    assert.equal(await purgeAnswerText(models.AnswerRecord, 90, now), 0, 'a second run has nothing to do');
    assert.equal(await purgeAnswerText(models.AnswerRecord, 30, now), 1, 'a shorter retention purges more');
  });

  it('runs as a scheduled job on the configured retention', async () => {
    assert.ok(JOBS.includes(purgeAnswerTextJob));
    await models.AnswerRecord.insertMany([
      record('T3', id(5), 11, 'extractive', new Date()),
      record('T3', id(6), 9, 'extractive', new Date()),
    ]);
    const scheduler = await startScheduler(
      connection.db!,
      {
        log: createLogger('silent'),
        metrics: createMetrics(),
        models,
        knowledge: { answerRetentionDays: 10 } as Knowledge,
      },
      { jobs: [purgeAnswerTextJob], processEvery: 100 },
    );
    try {
      // Scheduled daily, and first run at start.
      const deadline = Date.now() + 10_000;
      while (!(await models.AnswerRecord.findOne({ tenantId: 'T3', _id: id(5) }).lean())?.purgedAt) {
        assert.ok(Date.now() < deadline, 'the job did not purge');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.equal(
        (await models.AnswerRecord.findOne({ tenantId: 'T3', _id: id(6) }).lean())?.purgedAt,
        null,
      );
      const job = await connection.db!.collection(JOBS_COLLECTION).findOne({ name: PURGE_ANSWER_TEXT_JOB });
      assert.equal(job?.repeatInterval, '1 day');
    } finally {
      await scheduler.stop(1_000);
    }
  });
});
