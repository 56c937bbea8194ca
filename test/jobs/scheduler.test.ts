import assert from 'node:assert/strict';
import type { Agenda } from 'agenda';
import type { Connection } from 'mongoose';
import { createLogger } from '../../bot/logger.ts';
import { createMetrics } from '../../bot/metrics.ts';
import { defineJob, type JobDeps } from '../../jobs/define-job.ts';
import { JOBS_COLLECTION, startScheduler, type Scheduler } from '../../jobs/scheduler.ts';
import { openTestDatabase } from '../support/database.ts';

const JOB = 'test-slow-job';

/** A job that records each run and holds until the test releases it. */
function gatedJob() {
  const runs: string[] = [];
  let release: () => void = () => undefined;
  let started: () => void = () => undefined;
  const startedOnce = new Promise<void>((resolve) => (started = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    runs,
    release: () => release(),
    startedOnce,
    module: {
      define(agenda: Agenda, deps: JobDeps) {
        defineJob(
          agenda,
          JOB,
          deps,
          async (job) => {
            runs.push(String(job.attrs.data.label));
            started();
            if (job.attrs.data.hold) await gate;
            // Agenda keeps a timer of half the lock lifetime after each run; keep it short so mocha can exit.
          },
          { lockLifetimeMs: 5_000 },
        );
      },
    },
  };
}

describe('scheduler: graceful stop', () => {
  let connection: Connection;
  let deps: JobDeps;
  const schedulers: Scheduler[] = [];

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    deps = { log: createLogger('silent'), metrics: createMetrics() };
  });
  afterEach(async () => {
    while (schedulers.length > 0) await schedulers.pop()!.stop(0);
    await connection.db!.collection(JOBS_COLLECTION).deleteMany({});
  });
  after(() => connection.close());

  async function start(job: ReturnType<typeof gatedJob>) {
    const scheduler = await startScheduler(connection.db!, deps, { processEvery: 100, jobs: [job.module] });
    schedulers.push(scheduler);
    return scheduler;
  }

  it('lets a running job finish within the grace period and leaves nothing locked', async () => {
    const job = gatedJob();
    const scheduler = await start(job);
    await scheduler.agenda.now(JOB, { label: 'first', hold: true });
    await job.startedOnce;
    setTimeout(job.release, 300);
    const result = await scheduler.stop(5_000);
    assert.deepEqual(result, { completed: 1, requeued: 0 });
    const stored = await connection.db!.collection(JOBS_COLLECTION).findOne({ name: JOB });
    assert.ok(stored?.lastFinishedAt instanceof Date, 'the run was recorded as finished');
    assert.equal(stored?.lockedAt ?? null, null);
    assert.deepEqual(job.runs, ['first']);
  });

  it('requeues a job still running when the grace period ends, and the next scheduler runs it', async () => {
    const job = gatedJob();
    const scheduler = await start(job);
    await scheduler.agenda.now(JOB, { label: 'interrupted', hold: true });
    await job.startedOnce;
    const result = await scheduler.stop(200);
    assert.deepEqual(result, { completed: 0, requeued: 1 });
    const stored = await connection.db!.collection(JOBS_COLLECTION).findOne({ name: JOB });
    assert.equal(stored?.lockedAt ?? null, null, 'the lock was released');
    assert.ok(stored?.nextRunAt instanceof Date && stored.nextRunAt.getTime() <= Date.now(), 'due again now');

    const next = gatedJob();
    await start(next);
    await next.startedOnce;
    assert.deepEqual(next.runs, ['interrupted'], 'another scheduler picked the job up');
    job.release();
  });

  it('counts job runs by outcome', async () => {
    const job = gatedJob();
    const scheduler = await start(job);
    await scheduler.agenda.now(JOB, { label: 'counted', hold: false });
    await job.startedOnce;
    await scheduler.stop(2_000);
    const metrics = await deps.metrics.registry.getSingleMetricAsString('em_job_runs_total');
    assert.match(metrics, /em_job_runs_total\{job="test-slow-job",outcome="success"\} [1-9]/);
  });
});
