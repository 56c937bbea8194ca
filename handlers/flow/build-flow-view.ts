import { measureAgingWip } from '../metrics/aging-wip.ts';
import type { AgeMode, MeasureDuration } from '../metrics/flow-types.ts';
import { workItemsOf, type FlowAnswer, type FlowInput, type PersonalFlow } from '../metrics/measure-flow.ts';
import type { DurationSummary } from '../metrics/types.ts';
import { describeDuration, describePercent, plural } from './describe-flow.ts';
import type { FlowAgingChartData, FlowFigureId, FlowFigureView, FlowView } from './flow-view.ts';

type Better = 'lower' | 'higher' | 'neither';

interface Figure {
  id: FlowFigureId;
  label: string;
  now: number | null;
  before: number | null;
  show: (value: number | null) => string;
  detail: string;
  better: Better;
}

function trendOf(figure: Figure): Pick<FlowFigureView, 'trend' | 'direction'> {
  if (figure.now === null || figure.before === null) return {};
  const change = figure.now - figure.before;
  const arrow = change > 0 ? '▲' : change < 0 ? '▼' : '=';
  const direction =
    change === 0 || figure.better === 'neither'
      ? 'same'
      : change < 0 === (figure.better === 'lower')
        ? 'better'
        : 'worse';
  return { trend: `${arrow} vs ${figure.show(figure.before)} before`, direction };
}

const phase = (
  id: FlowFigureId,
  label: string,
  now: DurationSummary,
  before: DurationSummary | undefined,
  mode: AgeMode,
  what: string,
): Figure => ({
  id,
  label,
  now: now.p50,
  before: before?.p50 ?? null,
  show: (value) => describeDuration(value, mode),
  detail:
    now.count === 0
      ? `no ${what}`
      : `median of ${plural(now.count, what)} · p90 ${describeDuration(now.p90, mode)}`,
  better: 'lower',
});

const agingCount = (answer: FlowAnswer) =>
  answer.agingWip.items.filter((item) => item.passed === 'p85' || item.passed === 'p95').length;

/** The team figures of a range against the previous one: values, what they rest on, trend, and a "why" each. */
export function buildFlowFigures(
  answer: FlowAnswer,
  previous: FlowAnswer | undefined,
  mode: AgeMode,
  whyOf: (id: FlowFigureId) => string,
): FlowFigureView[] {
  const { cycle, prSize, wip, flowEfficiency, throughput, reviewTurnaround } = answer;
  const figures: Figure[] = [
    phase('cycle', 'PR cycle time', cycle.cycle, previous?.cycle.cycle, mode, 'merged PR'),
    phase('coding', 'Coding', cycle.coding, previous?.cycle.coding, mode, 'merged PR'),
    phase('pickup', 'Pickup', cycle.pickup, previous?.cycle.pickup, mode, 'reviewed PR'),
    phase('review', 'Review', cycle.review, previous?.cycle.review, mode, 'reviewed PR'),
    phase('deploy', 'Deploy', cycle.deploy, previous?.cycle.deploy, mode, 'deployed PR'),
    phase(
      'turnaround',
      'Review turnaround',
      reviewTurnaround.turnaround,
      previous?.reviewTurnaround.turnaround,
      mode,
      'first review',
    ),
    {
      id: 'size',
      label: 'PR size',
      now: prSize.p50,
      before: previous?.prSize.p50 ?? null,
      show: (value) => (value === null ? '–' : `${value} lines`),
      detail: `XS ${prSize.buckets.xs} · S ${prSize.buckets.s} · M ${prSize.buckets.m} · L ${prSize.buckets.l} · XL ${prSize.buckets.xl}${prSize.unknown > 0 ? ` · ${prSize.unknown} unknown` : ''}`,
      better: 'lower',
    },
    {
      id: 'wip',
      label: 'Work in progress',
      now: wip.total,
      before: previous?.wip.total ?? null,
      show: (value) => (value === null ? '–' : `${value}`),
      detail: `${plural(wip.pullRequests, 'PR')}, ${plural(wip.issues, 'issue')}${wip.perOwner === null ? '' : ` · ${Math.round(wip.perOwner * 10) / 10} per busy person`}`,
      better: 'neither',
    },
    {
      id: 'aging',
      label: 'Aging WIP',
      now: agingCount(answer),
      before: previous ? agingCount(previous) : null,
      show: (value) => (value === null ? '–' : `${value}`),
      detail: `of ${answer.agingWip.items.length} in progress past their type's 85th percentile`,
      better: 'lower',
    },
    {
      id: 'efficiency',
      label: 'Flow efficiency',
      now: flowEfficiency.efficiency,
      before: previous?.flowEfficiency.efficiency ?? null,
      show: describePercent,
      detail: `${plural(flowEfficiency.items.length, 'issue')} finished${flowEfficiency.neverActive > 0 ? ` · ${flowEfficiency.neverActive} never in progress` : ''}`,
      better: 'higher',
    },
    {
      id: 'throughput',
      label: 'Throughput',
      now: throughput.total,
      before: previous?.throughput.total ?? null,
      show: (value) => (value === null ? '–' : `${value}`),
      detail: `${plural(throughput.pullRequests, 'PR')} merged, ${plural(throughput.issues, 'issue')} done · per week ${throughput.perWeek.map((week) => week.count).join(', ')}`,
      better: 'higher',
    },
  ];
  return figures.map((figure) => ({
    id: figure.id,
    label: figure.label,
    value: figure.show(figure.now),
    detail: figure.detail,
    ...trendOf(figure),
    why: whyOf(figure.id),
  }));
}

/** The aging items the view lists: past their type's 85th percentile, oldest first. */
export function agingOf(answer: FlowAnswer, mode: AgeMode, limit = 10): FlowView['aging'] {
  return answer.agingWip.items
    .filter((item) => item.passed === 'p85' || item.passed === 'p95')
    .slice(0, limit)
    .map((item) => ({
      ref: item.id,
      type: item.type,
      age: describeDuration(item.ageMs, mode),
      passed: item.passed!,
    }));
}

const HOUR_MS = 3_600_000;
/** Points the chart can label legibly at 600 px (a card's smaller image shows fewer: bot/charts/view-charts.ts). */
export const AGING_CHART_ITEMS = 30;

/**
 * The aging-WIP chart: one set of percentile lines for all items, so they come from every finished item's cycle
 * time (PRs and issues pooled, as measureAgingWip does per type), and the oldest items in progress at `at`.
 */
export function agingChartOf(
  input: FlowInput,
  at: Date,
  measure: MeasureDuration,
  limit = AGING_CHART_ITEMS,
): FlowAgingChartData {
  const pooled = measureAgingWip(
    workItemsOf(input).map((item) => ({ ...item, type: 'all' })),
    at,
    measure,
  );
  const { p50, p85, p95 } = pooled.thresholds.all ?? { p50: null, p85: null, p95: null };
  return {
    items: pooled.items.slice(0, limit).map((item) => ({ id: item.id, ageHours: item.ageMs / HOUR_MS })),
    ...(p50 !== null && p85 !== null && p95 !== null
      ? { percentiles: { p50Hours: p50 / HOUR_MS, p85Hours: p85 / HOUR_MS, p95Hours: p95 / HOUR_MS } }
      : {}),
    inProgress: pooled.items.length,
  };
}

/** The asker's own figures: their work in progress and review turnaround, and nothing of anyone else's. */
export function buildPersonalFigures(
  mine: PersonalFlow,
  previous: PersonalFlow,
  mode: AgeMode,
  whyOf: (id: FlowFigureId) => string,
): FlowFigureView[] {
  const turnaround = phase(
    'turnaround',
    'Your review turnaround',
    mine.reviewTurnaround.turnaround,
    previous.reviewTurnaround.turnaround,
    mode,
    'first review',
  );
  const wip: Figure = {
    id: 'wip',
    label: 'Your work in progress',
    now: mine.wip.total,
    before: previous.wip.total,
    show: (value) => (value === null ? '–' : `${value}`),
    detail: `${plural(mine.wip.pullRequests, 'PR')}, ${plural(mine.wip.issues, 'issue')}`,
    better: 'neither',
  };
  return [wip, turnaround].map((figure) => ({
    id: figure.id,
    label: figure.label,
    value: figure.show(figure.now),
    detail: figure.detail,
    ...trendOf(figure),
    why: whyOf(figure.id),
  }));
}
