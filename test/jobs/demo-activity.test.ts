import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { createLogger } from '../../bot/logger.ts';
import { createMetrics } from '../../bot/metrics.ts';
import { DEMO_RECORDED_AT } from '../../data/demo/demo-team.ts';
import { DEMO_DATASET_VERSION } from '../../data/demo/load-demo.ts';
import { demoOffsetMs } from '../../data/demo/shift-demo-time.ts';
import { createNormalizeQueue } from '../../data/ingest/normalize-queue.ts';
import { factModelsOf } from '../../data/models/ingest-models.ts';
import { defineModels, ensureIndexes, type Models } from '../../data/models/index.ts';
import type { JobDeps } from '../../jobs/define-job.ts';
import * as demoActivity from '../../jobs/demo-activity.ts';
import { JOBS_COLLECTION, startScheduler, type Scheduler } from '../../jobs/scheduler.ts';
import { openTestDatabase } from '../support/database.ts';
import { snapshotFacts } from '../support/fact-snapshot.ts';

const DAY = 86_400_000;

describe('demo-activity job', function () {
  this.timeout(60_000);
  let connection: Connection;
  let models: Models;
  let deps: JobDeps;
  let scheduler: Scheduler | undefined;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    const log = createLogger('silent');
    const queue = createNormalizeQueue({
      EventRaw: models.EventRaw,
      EventPending: models.EventPending,
      facts: factModelsOf(models),
      log,
    });
    deps = {
      log,
      metrics: createMetrics(),
      models,
      ingest: { queue, EventRaw: models.EventRaw, EventPending: models.EventPending, retentionDays: 30 },
    };
    // Loaded ten days ago: whatever today is, a week of working days has passed since.
    await models.Tenant.ensure('demo', 'demo');
    const offset = demoOffsetMs(DEMO_RECORDED_AT, new Date(Date.now() - 10 * DAY));
    await models.Tenant.updateOne(
      { tenantId: 'demo' },
      { $set: { demoDataset: DEMO_DATASET_VERSION, demoTimeOffsetMs: offset } },
    );
  });
  afterEach(async () => {
    await scheduler?.stop(0);
    scheduler = undefined;
    await connection.db!.collection(JOBS_COLLECTION).deleteMany({});
  });
  after(() => connection.close());

  const successes = async () =>
    (await deps.metrics.jobRuns.get()).values.find(
      (value) => value.labels.job === demoActivity.DEMO_ACTIVITY_JOB && value.labels.outcome === 'success',
    )?.value ?? 0;
  const runOnce = async () => {
    const done = await successes();
    await scheduler!.agenda.now(demoActivity.DEMO_ACTIVITY_JOB);
    const deadline = Date.now() + 30_000;
    while ((await successes()) <= done) {
      assert.ok(Date.now() < deadline, 'the job did not run');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it('is not scheduled outside demo mode', async () => {
    scheduler = await startScheduler(connection.db!, deps, { processEvery: 100, jobs: [demoActivity] });
    const job = await connection
      .db!.collection(JOBS_COLLECTION)
      .findOne({ name: demoActivity.DEMO_ACTIVITY_JOB });
    assert.equal(job, null);
  });

  it('in demo mode runs daily, and run twice on one day stores the same facts once', async () => {
    scheduler = await startScheduler(
      connection.db!,
      { ...deps, demoTenantId: 'demo' },
      { processEvery: 100, jobs: [demoActivity] },
    );
    const job = await connection
      .db!.collection(JOBS_COLLECTION)
      .findOne({ name: demoActivity.DEMO_ACTIVITY_JOB });
    assert.equal(job?.repeatInterval, '1 day');
    assert.ok(
      job!.nextRunAt.getTime() > Date.now() + DAY / 2,
      'the start-up run follows the dataset load instead',
    );

    await runOnce();
    const stored = await models.EventRaw.countDocuments({ tenantId: 'demo' });
    assert.ok(stored > 10, `${stored} deliveries`);
    const facts = await snapshotFacts(models, 'demo');
    await runOnce();
    assert.equal(await models.EventRaw.countDocuments({ tenantId: 'demo' }), stored);
    assert.deepEqual(await snapshotFacts(models, 'demo'), facts);
  });
});
