/** What `/dora` shows, channel-neutral: the headline figures, their trust, and the "why" drill-down. */
import type { Band } from './bands.ts';
import type { Coverage } from './types.ts';

/** The five figures, as the REST routes and the "why" buttons name them. */
export type DoraFigure =
  'deployment-frequency' | 'lead-time' | 'change-fail-rate' | 'recovery' | 'rework-rate';

export const DORA_FIGURES: readonly DoraFigure[] = [
  'deployment-frequency',
  'lead-time',
  'change-fail-rate',
  'recovery',
  'rework-rate',
];

export interface DoraFigureView {
  figure: DoraFigure;
  label: string;
  /** The headline number with its unit ("4.2 / week", "1.5 days"), or "no data". */
  value: string;
  /** The figure's other numbers ("3.0 deployment days / week · 21 deployments"). */
  detail: string;
  band?: {
    band: Band;
    /** DORA's words for the band and the report year ("Between once per day and once per week", 2024). */
    published: string;
    year: number;
    /** What the next better band takes ("1.2 days / week more for elite"). */
    next?: string;
  };
  /** Against the previous period of the same length. */
  trend?: { text: string; better: boolean | null };
}

/** Weekly series for the two charts (the same shapes as cards/charts' inputs). */
export interface DoraCharts {
  deployments: { weekStart: string; count: number }[];
  leadTime: { date: string; p50Hours: number; p90Hours: number }[];
}

/**
 * A chart drawn to a PNG, for the Teams edge: each goes in a card of its own after the figures, since two
 * images in one card would pass Teams' ~28 KB per message (Slack uploads the files instead).
 */
export interface DoraChartImage {
  title: string;
  altText: string;
  /** `data:image/png;base64,…`. */
  dataUrl: string;
}

export interface DoraView {
  kind: 'dora';
  scopeLabel: string;
  rangeLabel: string;
  /** ISO days, `to` inclusive for reading ("2026-09-01 – 2026-09-30"). */
  from: string;
  to: string;
  figures: DoraFigureView[];
  coverage: { pullRequests: Coverage; incidents: Coverage };
  /** The history horizon: PRs left out of lead time and why. */
  leftOut: { beforeFirstDeployment: number; beforeCommitCutoff: number };
  /** Sentences on trust a reader should see before the numbers (low coverage, nothing measured). */
  cautions: string[];
  charts: DoraCharts;
  /** What every "why" button carries besides its figure. */
  action: DoraActionPayload;
}

export interface DoraWhySection {
  title: string;
  lines: string[];
  /** Items beyond those listed. */
  more: number;
}

export interface DoraWhyView {
  kind: 'dora-why';
  figure: DoraFigure;
  title: string;
  scopeLabel: string;
  rangeLabel: string;
  /** The figure and how it was computed, in one or two sentences. */
  summary: string;
  facts: { title: string; value: string }[];
  sections: DoraWhySection[];
  /** Back to the figures. */
  action: DoraActionPayload;
}

/** What a "why" or "back" button carries: the scope as typed, and the range resolved to days. */
export interface DoraActionPayload {
  figure?: DoraFigure;
  scope: string;
  /** ISO days; `to` exclusive. */
  from: string;
  to: string;
  label: string;
}
