import type { Agenda } from 'agenda';
import type { JobDeps } from './define-job.ts';
import * as normalizeEvents from './normalize-events.ts';
import * as purgeRawEvents from './purge-raw-events.ts';
import * as schedulerHeartbeat from './scheduler-heartbeat.ts';

export interface JobModule {
  define(agenda: Agenda, deps: JobDeps): Promise<void> | void;
}

/** Every job the bot runs on its own. */
export const JOBS: readonly JobModule[] = [schedulerHeartbeat, normalizeEvents, purgeRawEvents];
