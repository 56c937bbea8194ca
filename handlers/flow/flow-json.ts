import type { FlowAnswer } from '../metrics/measure-flow.ts';
import type { DurationSummary } from '../metrics/types.ts';
import type { FlowFigureId } from './flow-view.ts';

/** One figure as the REST API answers it: the value, its unit, its percentiles and the counts it rests on. */
export interface FlowFigureJson {
  figure: FlowFigureId;
  unit: 'ms' | 'lines' | 'items' | 'ratio';
  value: number | null;
  percentiles?: Record<string, number | null>;
  counts: Record<string, number>;
}

const duration = (
  figure: FlowFigureId,
  summary: DurationSummary,
  counts: Record<string, number> = {},
): FlowFigureJson => ({
  figure,
  unit: 'ms',
  value: summary.p50,
  percentiles: { p50: summary.p50, p75: summary.p75, p90: summary.p90 },
  counts: { items: summary.count, ...counts },
});

/** Every figure of an answer by id, in the units the API documents (durations in milliseconds). */
export function flowFigureJson(answer: FlowAnswer, figure: FlowFigureId): FlowFigureJson {
  const { cycle, prSize, wip, agingWip, flowEfficiency, throughput } = answer;
  switch (figure) {
    case 'cycle':
    case 'coding':
    case 'pickup':
    case 'review':
    case 'deploy':
      return duration(figure, cycle[figure]);
    case 'turnaround':
      return duration(figure, answer.reviewTurnaround.turnaround);
    case 'size':
      return {
        figure,
        unit: 'lines',
        value: prSize.p50,
        percentiles: { p50: prSize.p50, p85: prSize.p85, p95: prSize.p95 },
        counts: { ...prSize.buckets, unknown: prSize.unknown },
      };
    case 'wip':
      return {
        figure,
        unit: 'items',
        value: wip.total,
        counts: {
          pullRequests: wip.pullRequests,
          issues: wip.issues,
          owners: wip.owners,
          unowned: wip.unowned,
        },
      };
    case 'aging': {
      const passed = (mark: string) => agingWip.items.filter((item) => item.passed === mark).length;
      return {
        figure,
        unit: 'items',
        value: passed('p85') + passed('p95'),
        counts: {
          inProgress: agingWip.items.length,
          pastP50: passed('p50'),
          pastP85: passed('p85'),
          pastP95: passed('p95'),
        },
      };
    }
    case 'efficiency':
      return {
        figure,
        unit: 'ratio',
        value: flowEfficiency.efficiency,
        counts: {
          issues: flowEfficiency.items.length,
          neverActive: flowEfficiency.neverActive,
          activeMs: flowEfficiency.activeMs,
          waitingMs: flowEfficiency.waitingMs,
        },
      };
    case 'throughput':
      return {
        figure,
        unit: 'items',
        value: throughput.total,
        counts: {
          pullRequests: throughput.pullRequests,
          issues: throughput.issues,
          weeks: throughput.perWeek.length,
        },
      };
  }
}
