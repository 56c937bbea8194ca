import type { AgeMode } from '../metrics/flow-types.ts';

/** Every figure `/flow` shows, each with a "why" button. */
export const FLOW_FIGURES = [
  'cycle',
  'coding',
  'pickup',
  'review',
  'deploy',
  'turnaround',
  'size',
  'wip',
  'aging',
  'efficiency',
  'throughput',
] as const;
export type FlowFigureId = (typeof FLOW_FIGURES)[number];

/** The Slack action id of a "why" button; its value is the command text to run (`flow why pickup …`). */
export const FLOW_WHY_ACTION = 'flow_why';

export interface FlowFigureView {
  id: FlowFigureId;
  label: string;
  /** The figure as shown, e.g. `5.5 h`; `–` when there is nothing to measure. */
  value: string;
  /** What the figure sits on, e.g. `p50 of 12 PRs · p85 9 h`. */
  detail: string;
  /** Against the previous period of the same length: `▲ 2 h vs 3.5 h`, absent without a previous figure. */
  trend?: string;
  /** Whether the change is for the better (shorter times, more throughput), worse, or neither. */
  direction?: 'better' | 'worse' | 'same';
  /** The command a "why" button sends. */
  why: string;
}

/** `/flow`: a team's (a repository's, the tenant's) flow figures; `personal` when they are the asker's own. */
export interface FlowView {
  kind: 'flow';
  scopeLabel: string;
  /** `2026-11-16 → 2026-11-30 (14 days)`. */
  rangeLabel: string;
  ageMode: AgeMode;
  personal: boolean;
  figures: FlowFigureView[];
  /** The oldest items in progress past their type's 85th percentile, for the chart and the list. */
  aging: { ref: string; type: string; age: string; passed: 'p50' | 'p85' | 'p95' }[];
  /** The aging-WIP scatter's data (team answers only); the edges draw it. */
  agingChart?: FlowAgingChartData;
  /** The scatter drawn as a PNG data URL, added by the edge that shows images inline (Teams). */
  chartImage?: { dataUrl: string; altText: string };
  notes: string[];
}

/**
 * Aging WIP ready to draw (cards/charts/aging-wip-chart.ts): the oldest items in progress and, when enough have
 * finished, the percentiles of every finished item's cycle time, PRs and issues together.
 */
export interface FlowAgingChartData {
  items: { id: string; ageHours: number }[];
  percentiles?: { p50Hours: number; p85Hours: number; p95Hours: number };
  /** Items in progress in all, of which `items` are the oldest. */
  inProgress: number;
}

/** The items behind one figure ("why this number?"): never a person, only PRs and issues. */
export interface FlowWhyView {
  kind: 'flow-why';
  figure: string;
  scopeLabel: string;
  rangeLabel: string;
  value: string;
  /** How it is computed, in a sentence or two. */
  basis: string;
  items: { ref: string; value: string }[];
  /** Items behind the figure beyond those listed. */
  more: number;
}
