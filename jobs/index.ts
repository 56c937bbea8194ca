import type { Agenda } from 'agenda';
import type { JobDeps } from './define-job.ts';
import * as advanceApproval from './advance-approval.ts';
import * as demoActivity from './demo-activity.ts';
import * as reindexDocs from './reindex-docs.ts';
import * as normalizeEvents from './normalize-events.ts';
import * as purgeAnswerText from './purge-answer-text.ts';
import * as purgePullChanges from './purge-pull-changes.ts';
import * as purgeRawEvents from './purge-raw-events.ts';
import * as purgeStandupAnswers from './purge-standup-answers.ts';
import * as purgeTriageRecords from './purge-triage-records.ts';
import * as schedulerHeartbeat from './scheduler-heartbeat.ts';
import * as staleDocsDigest from './stale-docs-digest.ts';
import * as standupTick from './standup-tick.ts';
import * as standupBlockers from './standup-blockers.ts';
import * as triageDigest from './triage-digest.ts';
import * as triageNotify from './triage-notify.ts';
import * as metricsRollups from './metrics-rollups.ts';
import * as metricsCompareGaps from './metrics-compare-gaps.ts';
import * as deliveryDigest from './delivery-digest.ts';

export interface JobModule {
  define(agenda: Agenda, deps: JobDeps): Promise<void> | void;
}

/** Every job the bot runs on its own (each skips itself when its deps are absent: demo-activity outside demo mode). */
export const JOBS: readonly JobModule[] = [
  schedulerHeartbeat,
  advanceApproval,
  reindexDocs,
  staleDocsDigest,
  normalizeEvents,
  purgeRawEvents,
  purgePullChanges,
  purgeAnswerText,
  demoActivity,
  standupTick,
  standupBlockers,
  purgeStandupAnswers,
  triageNotify,
  triageDigest,
  purgeTriageRecords,
  metricsRollups,
  metricsCompareGaps,
  deliveryDigest,
];
