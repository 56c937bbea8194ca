import type { ReportYear } from './bands.ts';
import { classifyBand, type BandAnswer } from './classify-band.ts';
import { coverageOf } from './coverage.ts';
import {
  histogramIncrements,
  histogramQuantile,
  mergeHistograms,
  type LogHistogram,
} from './log-histogram.ts';
import type { DoraAnswer } from './measure-dora.ts';
import type { Coverage } from './types.ts';

const COUNTS = [
  'deployments',
  'deploymentDays',
  'cfrDeployments',
  'failedDeployments',
  'reworkDeployments',
  'linkedPrs',
  'unlinkedPrs',
  'leftOutBeforeFirstDeployment',
  'leftOutBeforeCutoff',
  'incidents',
  'attributedIncidents',
  'openIncidents',
  'reopenedIncidents',
] as const;
const HISTOGRAMS = [
  'leadTime',
  'openedToDeploy',
  'coding',
  'pickup',
  'review',
  'deploy',
  'restore',
  'recovery',
] as const;

export type RollupCount = (typeof COUNTS)[number];
export type RollupHistogram = (typeof HISTOGRAMS)[number];

/** One scope's day (or any range) as additive numbers: counts, and durations as log histograms (ms). */
export interface DoraRollup {
  counts: Record<RollupCount, number>;
  hist: Record<RollupHistogram, LogHistogram>;
}

/**
 * An exact answer for one range (a day, for rollups) as a rollup. Every count and duration belongs to one
 * anchor inside the range (a deployment's time, a PR's deployment or merge, an incident's trigger), so the
 * rollups of consecutive days add up to the answer for the whole span.
 */
export function summarizeForRollup(answer: DoraAnswer): DoraRollup {
  const { deploymentFrequency: frequency, leadTime, changeFailureRate: cfr, timeToRestore: restore } = answer;
  const incidents = cfr.incidentCoverage.total;
  return {
    counts: {
      deployments: frequency.count,
      deploymentDays: Math.round(frequency.deploymentDaysPerWeek * frequency.weeks),
      cfrDeployments: cfr.deployments,
      failedDeployments: cfr.failed,
      reworkDeployments: answer.reworkRate.rework,
      linkedPrs: leadTime.coverage.linked,
      unlinkedPrs: leadTime.coverage.total - leadTime.coverage.linked,
      leftOutBeforeFirstDeployment: leadTime.leftOut.beforeFirstDeployment,
      leftOutBeforeCutoff: leadTime.leftOut.beforeCommitCutoff,
      incidents,
      attributedIncidents: cfr.incidentCoverage.linked,
      openIncidents: restore.stillOpen,
      reopenedIncidents: restore.reopened,
    },
    hist: {
      leadTime: histogramIncrements(leadTime.items.map((item) => item.leadTimeMs)),
      openedToDeploy: histogramIncrements(leadTime.items.map((item) => item.openedToDeployMs)),
      coding: histogramIncrements(leadTime.items.map((item) => item.phases.codingMs)),
      pickup: histogramIncrements(leadTime.items.flatMap((item) => item.phases.pickupMs ?? [])),
      review: histogramIncrements(leadTime.items.flatMap((item) => item.phases.reviewMs ?? [])),
      deploy: histogramIncrements(leadTime.items.map((item) => item.phases.deployMs)),
      restore: histogramIncrements(restore.items.map((item) => item.restoreMs)),
      recovery: histogramIncrements(restore.recoveries.map((recovery) => recovery.recoveryMs)),
    },
  };
}

/** The `$inc` of a rollup document (`counts.<name>`, `hist.<name>.<bucket>`), zero counts left out. */
export function rollupIncrements(rollup: DoraRollup): Record<string, number> {
  const increments: Record<string, number> = {};
  for (const name of COUNTS)
    if (rollup.counts[name] !== 0) increments[`counts.${name}`] = rollup.counts[name];
  for (const name of HISTOGRAMS) {
    for (const [bucket, count] of Object.entries(rollup.hist[name]))
      increments[`hist.${name}.${bucket}`] = count;
  }
  return increments;
}

/** A rollup as a document holds it after `$inc`s: a count or histogram never incremented is absent. */
export interface StoredRollup {
  counts?: Partial<Record<RollupCount, number>>;
  hist?: Partial<Record<RollupHistogram, LogHistogram>>;
}

export function mergeRollups(rollups: readonly StoredRollup[]): DoraRollup {
  const counts = Object.fromEntries(
    COUNTS.map((name) => [name, rollups.reduce((sum, rollup) => sum + (rollup.counts?.[name] ?? 0), 0)]),
  ) as Record<RollupCount, number>;
  const hist = Object.fromEntries(
    HISTOGRAMS.map((name) => [name, mergeHistograms(...rollups.map((rollup) => rollup.hist?.[name] ?? {}))]),
  ) as Record<RollupHistogram, LogHistogram>;
  return { counts, hist };
}

export interface DoraFromRollups {
  deployments: number;
  perWeek: number;
  deploymentDaysPerWeek: number;
  changeFailureRate: number | null;
  reworkRate: number | null;
  leadTime: { p50: number | null; p75: number | null; p90: number | null };
  mttr: { p50: number | null; p90: number | null };
  failedDeploymentRecovery: { p50: number | null; p90: number | null };
  prCoverage: Coverage;
  incidentCoverage: Coverage;
  leftOut: { beforeFirstDeployment: number; beforeCommitCutoff: number };
  bands: { deploymentFrequency: BandAnswer; leadTime?: BandAnswer; changeFailureRate?: BandAnswer };
  /** The added-up counts behind the figures (CFR's failed ÷ deployments, rework, incidents), for the answers. */
  counts: Record<RollupCount, number>;
}

/** The headline figures of a range read from its days' rollups: counts added, percentiles from the buckets. */
export function readRollups(
  rollups: readonly StoredRollup[],
  weeks: number,
  year: ReportYear = 2024,
): DoraFromRollups {
  if (!(weeks > 0)) throw new RangeError('the range must end after it starts');
  const { counts, hist } = mergeRollups(rollups);
  const quantiles = (histogram: LogHistogram) => ({
    p50: histogramQuantile(histogram, 0.5),
    p75: histogramQuantile(histogram, 0.75),
    p90: histogramQuantile(histogram, 0.9),
  });
  const lead = quantiles(hist.leadTime);
  const restore = quantiles(hist.restore);
  const recovery = quantiles(hist.recovery);
  const cfr = counts.cfrDeployments === 0 ? null : counts.failedDeployments / counts.cfrDeployments;
  const daysPerWeek = counts.deploymentDays / weeks;
  return {
    deployments: counts.deployments,
    perWeek: counts.deployments / weeks,
    deploymentDaysPerWeek: daysPerWeek,
    changeFailureRate: cfr,
    reworkRate: counts.deployments === 0 ? null : counts.reworkDeployments / counts.deployments,
    leadTime: lead,
    mttr: { p50: restore.p50, p90: restore.p90 },
    failedDeploymentRecovery: { p50: recovery.p50, p90: recovery.p90 },
    prCoverage: coverageOf(counts.linkedPrs, counts.linkedPrs + counts.unlinkedPrs),
    incidentCoverage: coverageOf(counts.attributedIncidents, counts.incidents),
    leftOut: {
      beforeFirstDeployment: counts.leftOutBeforeFirstDeployment,
      beforeCommitCutoff: counts.leftOutBeforeCutoff,
    },
    bands: {
      deploymentFrequency: classifyBand('deploymentFrequency', daysPerWeek, year),
      ...(lead.p50 !== null ? { leadTime: classifyBand('leadTime', lead.p50, year) } : {}),
      ...(cfr !== null ? { changeFailureRate: classifyBand('changeFailureRate', cfr, year) } : {}),
    },
    counts,
  };
}
