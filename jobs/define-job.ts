import { randomUUID } from 'node:crypto';
import type { Agenda, Job } from 'agenda';
import type { Logger } from 'pino';
import type { Metrics } from '../bot/metrics.ts';
import type { ApprovalServices } from '../handlers/approvals/types.ts';
import type { Knowledge } from '../data/knowledge/create-knowledge.ts';
import type { Models } from '../data/models/index.ts';
import type { ChatReach } from '../handlers/ask/types.ts';
import type { CalendarSource } from '../handlers/availability/types.ts';
import type { BlockerDeps } from '../handlers/standup/blocker-types.ts';
import { runWithRequestContext } from '../bot/request-context.ts';
import type { IngestJobDeps } from './ingest-job-deps.ts';
import type { Standup } from '../handlers/standup/types.ts';
import type { StandupDeps } from '../handlers/standup/standup-deps.ts';
import type { NoticeDeliveryDeps } from '../handlers/triage/deliver-notices.ts';
import type { DigestDeps } from '../handlers/triage/run-digest-tick.ts';
import type { DeliveryDigestDeps } from '../handlers/delivery-digest/run-delivery-digest.ts';
import type { MetricsRollupUpdates } from '../data/metrics/metrics-rollup-updates.ts';
import type { CompareGapFiller } from '../data/metrics/fill-compare-gaps.ts';

export interface JobDeps {
  log: Logger;
  metrics: Metrics;
  /** Absent in tests that run the scheduler alone. */
  approvals?: ApprovalServices;
  /** Doc answers: re-index and stale-docs digest jobs skip themselves without it. */
  knowledge?: Knowledge;
  models?: Models;
  /** Chat delivery for doc-answer digests (direct messages, the fallback channel); absent: recorded only. */
  reach?: ChatReach;
  /** Ingestion (normalize sweep, retention); absent where only the scheduler itself is under test. */
  ingest?: IngestJobDeps;
  /** Everyone's working calendar (hours, zone, holidays, time off), for jobs that time prompts and nudges. */
  calendars?: CalendarSource;
  /** Async standups: their flow's deps, the standups not paused, and the clock (injected in tests). */
  standups?: { deps: StandupDeps; active(): Promise<Standup[]>; now(): Date };
  /** Demo mode with the canned team loaded: the tenant its daily activity goes to. */
  demoTenantId?: string;
  /** Standup blockers (nudges, escalation, closing from facts); absent until chat delivery and calendars are wired. */
  standupBlockers?: BlockerDeps;
  /** STANDUP_RETENTION_DAYS: standup answers are purged after this many days. */
  standupRetentionDays?: number;
  /** PR notifications and team triage digests (teams are the active standups); absent until chat delivery is wired. */
  triage?: { notices: NoticeDeliveryDeps; digest: DigestDeps; teams(): Promise<Standup[]>; now(): Date };
  /** Teams' weekly delivery digests (teams are the active standups); absent until chat delivery is wired. */
  deliveryDigest?: { deps: DeliveryDigestDeps; teams(): Promise<Standup[]>; now(): Date };
  /** Delivery metrics: the incremental rollup updates (data/metrics/metrics-rollup-updates.ts). */
  metricsRollups?: Pick<
    MetricsRollupUpdates,
    'tenantsToUpdate' | 'updateTenant' | 'markTenantsWithoutRollups'
  >;
  /** Delivery metrics: push-chain gaps filled with GitHub's compare API; absent without a GitHub token. */
  compareGaps?: Pick<CompareGapFiller, 'tenants' | 'fillTenant'>;
}

/** Defines a job whose every run is counted, logged under its own request id, and never crashes the process. */
export function defineJob<Data extends Record<string, unknown>>(
  agenda: Agenda,
  name: string,
  deps: JobDeps,
  run: (job: Job<Data>) => Promise<void>,
  options: {
    lockLifetimeMs?: number;
    /** At most one run of this job at a time in this process, and no more locked: due runs go to other workers. */
    oneAtATime?: boolean;
  } = {},
): void {
  agenda.define<Data>(
    name,
    async (job) => {
      const requestId = `job-${name}-${randomUUID()}`;
      await runWithRequestContext(requestId, async () => {
        const started = Date.now();
        try {
          await run(job);
          deps.metrics.jobRuns.inc({ job: name, outcome: 'success' });
          deps.log.debug({ job: name, ms: Date.now() - started }, 'job finished');
        } catch (error) {
          deps.metrics.jobRuns.inc({ job: name, outcome: 'failure' });
          deps.log.error({ job: name, err: error }, 'job failed');
          throw error;
        }
      });
    },
    {
      ...(options.lockLifetimeMs ? { lockLifetime: options.lockLifetimeMs } : {}),
      ...(options.oneAtATime ? { concurrency: 1, lockLimit: 1 } : {}),
    },
  );
}
