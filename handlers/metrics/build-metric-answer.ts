import type { ReportYear } from './bands.ts';
import { recoveryOf } from './build-dora-view.ts';
import { classifyBand, type BandAnswer } from './classify-band.ts';
import type { DoraFromRollups } from './dora-rollup.ts';
import type { DoraFigure } from './dora-view.ts';
import type { MetricsScope } from './ports.ts';
import type { Coverage, TimeRange } from './types.ts';

/** The REST routes' names: the figures', with `mttr` for recovery. */
export type DoraMetric = Exclude<DoraFigure, 'recovery'> | 'mttr';
export const DORA_METRICS: readonly DoraMetric[] = [
  'lead-time',
  'deployment-frequency',
  'change-fail-rate',
  'mttr',
  'rework-rate',
];

export type MetricUnit = 'hours' | 'deployments_per_week' | 'deployment_days_per_week' | 'ratio';

export interface MetricBand {
  band: BandAnswer['band'];
  year: number;
  published: string;
  source: string;
  basis: BandAnswer['basis'];
  /** What the next better band takes, in `unit` (the band's own reading, not always the figure's). */
  next?: { band: BandAnswer['band']; published: string; by: number; unit: MetricUnit };
}

/** One metric as the REST API answers it: the figure, its unit and percentiles, band, coverage and counts. */
export interface MetricAnswer {
  metric: DoraMetric;
  scope: MetricsScope;
  range: { from: string; to: string };
  figure: number | null;
  unit: MetricUnit;
  percentiles: Record<string, number | null> | null;
  band: MetricBand | null;
  coverage: Coverage;
  counts: Record<string, number>;
  /** Figures that go with the headline one (deployment days per week, failed deployment recovery). */
  related?: Record<string, number | null>;
}

const HOUR_MS = 3600 * 1000;
const hoursOf = (ms: number | null) => (ms === null ? null : ms / HOUR_MS);

function bandOf(answer: BandAnswer | undefined, unit: MetricUnit, scale = 1): MetricBand | null {
  if (!answer) return null;
  return {
    band: answer.band,
    year: answer.year,
    published: answer.published,
    source: answer.source,
    basis: answer.basis,
    ...(answer.next
      ? {
          next: {
            band: answer.next.band,
            published: answer.next.published,
            by: answer.next.by / scale,
            unit,
          },
        }
      : {}),
  };
}

/** A metric's REST answer from the range's figures (read from the rollups). */
export function buildMetricAnswer(
  metric: DoraMetric,
  figures: DoraFromRollups,
  scope: MetricsScope,
  range: TimeRange,
  year: ReportYear,
): MetricAnswer {
  const { counts } = figures;
  const base = { metric, scope, range: { from: range.from.toISOString(), to: range.to.toISOString() } };
  switch (metric) {
    case 'deployment-frequency':
      return {
        ...base,
        figure: figures.perWeek,
        unit: 'deployments_per_week',
        percentiles: null,
        band: bandOf(figures.bands.deploymentFrequency, 'deployment_days_per_week'),
        coverage: figures.prCoverage,
        counts: { deployments: counts.deployments, deploymentDays: counts.deploymentDays },
        related: { deploymentDaysPerWeek: figures.deploymentDaysPerWeek },
      };
    case 'lead-time':
      return {
        ...base,
        figure: hoursOf(figures.leadTime.p50),
        unit: 'hours',
        percentiles: {
          p50: hoursOf(figures.leadTime.p50),
          p75: hoursOf(figures.leadTime.p75),
          p90: hoursOf(figures.leadTime.p90),
        },
        band: bandOf(figures.bands.leadTime, 'hours', HOUR_MS),
        coverage: figures.prCoverage,
        counts: {
          linkedPullRequests: counts.linkedPrs,
          unlinkedPullRequests: counts.unlinkedPrs,
          leftOutBeforeFirstDeployment: counts.leftOutBeforeFirstDeployment,
          leftOutBeforeCommitCutoff: counts.leftOutBeforeCutoff,
        },
      };
    case 'change-fail-rate':
      return {
        ...base,
        figure: figures.changeFailureRate,
        unit: 'ratio',
        percentiles: null,
        band: bandOf(figures.bands.changeFailureRate, 'ratio'),
        coverage: figures.incidentCoverage,
        counts: {
          deployments: counts.cfrDeployments,
          failedDeployments: counts.failedDeployments,
          incidents: counts.incidents,
          attributedIncidents: counts.attributedIncidents,
        },
      };
    case 'mttr': {
      const recovery = recoveryOf(figures, year);
      return {
        ...base,
        figure: hoursOf(figures.mttr.p50),
        unit: 'hours',
        percentiles: { p50: hoursOf(figures.mttr.p50), p90: hoursOf(figures.mttr.p90) },
        band:
          recovery === null ? null : bandOf(classifyBand('recoveryTime', recovery, year), 'hours', HOUR_MS),
        coverage: figures.incidentCoverage,
        counts: {
          incidents: counts.incidents,
          openIncidents: counts.openIncidents,
          reopenedIncidents: counts.reopenedIncidents,
        },
        related: {
          failedDeploymentRecoveryP50: hoursOf(figures.failedDeploymentRecovery.p50),
          failedDeploymentRecoveryP90: hoursOf(figures.failedDeploymentRecovery.p90),
        },
      };
    }
    case 'rework-rate':
      return {
        ...base,
        figure: figures.reworkRate,
        unit: 'ratio',
        percentiles: null,
        band: null,
        coverage: figures.prCoverage,
        counts: { deployments: counts.deployments, reworkDeployments: counts.reworkDeployments },
      };
  }
}
