import type { ApprovalMetrics } from '../../handlers/approvals/types.ts';
import type { Metrics } from '../metrics.ts';

export function approvalMetricsOf(metrics: Metrics): ApprovalMetrics {
  return {
    observeLatency: (ms, outcome) => metrics.approvalLatency.observe({ outcome }, ms),
    countProposal: (mode) => metrics.autoVsHitl.inc({ path: mode === 'auto' ? 'auto' : 'hitl', mode }),
    countClosed: (modified) => metrics.approvalsClosed.inc({ modified: String(modified) }),
  };
}
