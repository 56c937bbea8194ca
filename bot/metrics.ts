import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type Metrics = ReturnType<typeof createMetrics>;

/** One registry per server instance, so tests that start several servers never share counters. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const approvalsClosed = new Counter({
    name: 'em_approvals_closed_total',
    help: 'Approvals closed (approved, declined or expired), and whether a decider modified the payload.',
    labelNames: ['modified'] as const,
    registers: [registry],
  });
  return {
    registry,
    httpRequests: new Counter({
      name: 'em_http_requests_total',
      help: 'HTTP requests served, by route template and status code.',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'em_http_request_duration_seconds',
      help: 'Time from request to response, by route template.',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    jobRuns: new Counter({
      name: 'em_job_runs_total',
      help: 'Scheduled job runs, by job name and outcome.',
      labelNames: ['job', 'outcome'] as const,
      registers: [registry],
    }),
    chatEvents: new Counter({
      name: 'em_chat_events_total',
      help: 'Slack and Teams events handled, by surface and kind.',
      labelNames: ['surface', 'kind'] as const,
      registers: [registry],
    }),
    approvalLatency: new Histogram({
      name: 'approval_latency_ms',
      help: 'Milliseconds from a proposal to the decision (or expiry) that closed it, by outcome.',
      labelNames: ['outcome'] as const,
      buckets: [1_000, 10_000, 60_000, 300_000, 900_000, 3_600_000, 14_400_000, 86_400_000],
      registers: [registry],
    }),
    approvalsClosed,
    approvalOverrideRate: new Gauge({
      name: 'approval_override_rate',
      help: 'Share of closed approvals whose payload a decider modified before it ran (0..1, since start).',
      registers: [registry],
      async collect() {
        const counts = (await approvalsClosed.get()).values;
        const all = counts.reduce((sum, entry) => sum + entry.value, 0);
        const modified = counts.find((entry) => entry.labels.modified === 'true')?.value ?? 0;
        this.set(all === 0 ? 0 : modified / all);
      },
    }),
    autoVsHitl: new Counter({
      name: 'auto_vs_hitl_counts',
      help: 'Proposed actions by path: auto (no human) or hitl (ask or require_approval), and mode.',
      labelNames: ['path', 'mode'] as const,
      registers: [registry],
    }),
  };
}
