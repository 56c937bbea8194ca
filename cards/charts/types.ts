/**
 * What the metrics engine hands the chart builders: plain, already-computed series (no counting here).
 * Dates are ISO 8601 strings in UTC (`2026-03-02` or a full timestamp); durations are hours.
 */
import type { TopLevelSpec } from 'vega-lite';

/** A Vega-Lite spec, built by one of the chart builders and drawn by `renderChartPng`. */
export type ChartSpec = TopLevelSpec;

/** Deployments to production per week. */
export interface DeploymentsPerWeek {
  weeks: { weekStart: string; count: number }[];
}

/** Lead time for changes, the median and the 90th percentile of each period. */
export interface LeadTimeTrend {
  points: { date: string; p50Hours: number; p90Hours: number }[];
}

/** Work left in a sprint each day, beside the straight line from the committed scope to zero. */
export interface SprintBurndown {
  sprintName: string;
  /** What `remaining` and `ideal` count. */
  unit: 'points' | 'issues';
  /** `remaining` is absent on days still to come: the ideal line runs on to the end without it. */
  days: { day: string; remaining?: number; ideal: number }[];
}

/** Items in progress by how long they have been in progress, against the team's historical cycle-time percentiles. */
export interface AgingWip {
  items: { id: string; ageHours: number }[];
  /** Absent when too few items have finished for percentiles: the points are drawn without lines. */
  percentiles?: { p50Hours: number; p85Hours: number; p95Hours: number };
  /** A line under the title, e.g. what the lines are made of, or that only the oldest items are shown. */
  subtitle?: string;
}

export interface ChartSize {
  /** Layout size in CSS pixels, the whole image (titles and axes included). */
  width: number;
  height: number;
  /** Pixels per CSS pixel in the PNG; 2 keeps text sharp on high-density screens. Default 2. */
  pixelRatio?: number;
}
