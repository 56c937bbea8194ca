import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Agenda, type Job } from 'agenda';
import { MongoBackend } from '@agendajs/mongo-backend';
import { ObjectId, type Db } from 'mongodb';
import type { JobDeps } from './define-job.ts';
import { JOBS, type JobModule } from './index.ts';

export const JOBS_COLLECTION = 'jobs';

export interface StopResult {
  /** Jobs that finished during the grace period. */
  completed: number;
  /** Jobs still running when the grace period ended: unlocked and due again now, so another run picks them up. */
  requeued: number;
}

export interface Scheduler {
  agenda: Agenda;
  /** Stops taking new jobs, lets running ones finish for up to `graceMs`, then releases every lock it holds. */
  stop(graceMs: number): Promise<StopResult>;
}

export interface SchedulerOptions {
  processEvery?: string | number;
  jobs?: readonly JobModule[];
}

export async function startScheduler(
  db: Db,
  deps: JobDeps,
  options: SchedulerOptions = {},
): Promise<Scheduler> {
  // Unique per process: Agenda stamps it on the jobs this process locks, so shutdown can release exactly those.
  const name = `em-agent@${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const agenda = new Agenda({
    name,
    backend: new MongoBackend({ mongo: db, collection: JOBS_COLLECTION }),
    processEvery: options.processEvery ?? '5 seconds',
  });
  // Agenda 6 hands out backend-neutral string ids; the jobs collection stores ObjectIds.
  const running = new Set<string>();
  agenda.on('start', (job: Job) => running.add(String(job.attrs._id)));
  agenda.on('complete', (job: Job) => running.delete(String(job.attrs._id)));
  agenda.on('error', (error: unknown) => deps.log.error({ err: error }, 'scheduler error'));

  for (const job of options.jobs ?? JOBS) await job.define(agenda, deps);
  await agenda.start();

  return {
    agenda,
    async stop(graceMs) {
      const result = await agenda.drain({ timeout: graceMs, closeConnection: false });
      const abandoned = [...running].map((id) => new ObjectId(id));
      // eslint-disable-next-line no-restricted-syntax -- agenda's own collection, not a tenant's documents
      const jobs = db.collection(JOBS_COLLECTION);
      if (abandoned.length > 0) {
        await jobs.updateMany(
          { _id: { $in: abandoned } },
          { $set: { nextRunAt: new Date() }, $unset: { lockedAt: '' } },
        );
      }
      await jobs.updateMany({ lastModifiedBy: name, lockedAt: { $ne: null } }, { $unset: { lockedAt: '' } });
      return { completed: result.completed, requeued: abandoned.length };
    },
  };
}
