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
  notes: string[];
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
