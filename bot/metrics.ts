import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export type Metrics = ReturnType<typeof createMetrics>;

/** One registry per server instance, so tests that start several servers never share counters. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
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
  };
}
