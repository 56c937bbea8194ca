import type { ReportYear } from './bands.ts';
import { classifyBand } from './classify-band.ts';
import type { DoraFromRollups } from './dora-rollup.ts';
import type { DoraActionPayload, DoraCharts, DoraFigureView, DoraView } from './dora-view.ts';
import { describeBand, describeTrend, formatDuration, formatShare, plural } from './format-figure.ts';
import type { TimeRange } from './types.ts';

const HOUR_MS = 3600 * 1000;
/** Below this share of merged PRs linked to a deployment, lead time is shown with a caution. */
const LOW_COVERAGE = 0.8;

export interface DoraViewInput {
  current: DoraFromRollups;
  previous: DoraFromRollups;
  /** The range's weeks, oldest first, each with its figures (the charts). */
  weeks: { range: TimeRange; figures: DoraFromRollups }[];
  year: ReportYear;
  scopeLabel: string;
  action: DoraActionPayload;
}

const perWeek = (value: number) => `${value.toFixed(1)} / week`;
const percent = (value: number) => formatShare(value);
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** Failed deployment recovery time (2023, 2024) or time to restore (2021): what the year's band reads. */
export function recoveryOf(figures: DoraFromRollups, year: ReportYear): number | null {
  return year === 2021 ? figures.mttr.p50 : figures.failedDeploymentRecovery.p50;
}

function buildFigures(current: DoraFromRollups, previous: DoraFromRollups, year: ReportYear) {
  const { counts } = current;
  const recovery = recoveryOf(current, year);
  const figures: DoraFigureView[] = [
    {
      figure: 'deployment-frequency',
      label: 'Deployment frequency',
      value: perWeek(current.perWeek),
      detail: `${current.deploymentDaysPerWeek.toFixed(1)} deployment days / week · ${plural(current.deployments, 'deployment')}`,
      band: describeBand(
        current.bands.deploymentFrequency,
        (by) => `${by.toFixed(1)} more deployment days / week`,
      ),
      ...withTrend(describeTrend(current.perWeek, previous.perWeek, perWeek, true)),
    },
    {
      figure: 'lead-time',
      label: 'Lead time for changes',
      value:
        current.leadTime.p50 === null
          ? 'no changes shipped'
          : `${formatDuration(current.leadTime.p50)} median`,
      detail:
        current.leadTime.p90 === null
          ? 'no merged PR reached production'
          : `p90 ${formatDuration(current.leadTime.p90)} · ${plural(counts.linkedPrs, 'change')}`,
      ...(current.bands.leadTime
        ? { band: describeBand(current.bands.leadTime, (by) => `${formatDuration(by)} faster`) }
        : {}),
      ...withTrend(describeTrend(current.leadTime.p50, previous.leadTime.p50, formatDuration, false)),
    },
    {
      figure: 'change-fail-rate',
      label: 'Change failure rate',
      value: current.changeFailureRate === null ? 'no deployments' : percent(current.changeFailureRate),
      detail: `${counts.failedDeployments} of ${plural(counts.cfrDeployments, 'deployment')} failed`,
      ...(current.bands.changeFailureRate
        ? { band: describeBand(current.bands.changeFailureRate, (by) => `${percent(by)} lower`) }
        : {}),
      ...withTrend(describeTrend(current.changeFailureRate, previous.changeFailureRate, percent, false)),
    },
    {
      figure: 'recovery',
      label: year === 2021 ? 'Time to restore' : 'Failed deployment recovery',
      value: recovery === null ? 'nothing to recover from' : `${formatDuration(recovery)} median`,
      detail: [
        current.mttr.p50 === null
          ? 'no resolved incidents'
          : `time to restore p50 ${formatDuration(current.mttr.p50)}, p90 ${formatDuration(current.mttr.p90 ?? current.mttr.p50)}`,
        `${plural(counts.incidents, 'incident')}${counts.openIncidents > 0 ? ` (${counts.openIncidents} still open)` : ''}`,
      ].join(' · '),
      ...(recovery !== null
        ? {
            band: describeBand(
              classifyBand('recoveryTime', recovery, year),
              (by) => `${formatDuration(by)} faster`,
            ),
          }
        : {}),
      ...withTrend(describeTrend(recovery, recoveryOf(previous, year), formatDuration, false)),
    },
    {
      figure: 'rework-rate',
      label: 'Deployment rework rate',
      value: current.reworkRate === null ? 'no deployments' : percent(current.reworkRate),
      detail: `${counts.reworkDeployments} of ${plural(counts.deployments, 'deployment')} were unplanned fixes · DORA publishes no band`,
      ...withTrend(describeTrend(current.reworkRate, previous.reworkRate, percent, false)),
    },
  ];
  return figures;
}

const withTrend = (trend: DoraFigureView['trend']) => (trend ? { trend } : {});

function buildCharts(weeks: DoraViewInput['weeks']): DoraCharts {
  return {
    deployments: weeks.map((week) => ({
      weekStart: isoDay(week.range.from),
      count: week.figures.deployments,
    })),
    leadTime: weeks.flatMap((week) => {
      const { p50, p90 } = week.figures.leadTime;
      return p50 === null || p90 === null
        ? []
        : [{ date: isoDay(week.range.from), p50Hours: p50 / HOUR_MS, p90Hours: p90 / HOUR_MS }];
    }),
  };
}

/** The `/dora` answer: five figures with band, distance to the next band and trend, then their trust. */
export function buildDoraView(input: DoraViewInput): DoraView {
  const { current } = input;
  const cautions: string[] = [];
  if (current.deployments === 0 && current.prCoverage.total === 0 && current.counts.incidents === 0) {
    cautions.push(
      'Nothing was measured here: no production deployment, merged PR or incident in this range. Check the scope, and that GitHub deployments (or the configured signal) reach em-agent.',
    );
  } else if (current.prCoverage.share !== null && current.prCoverage.share < LOW_COVERAGE) {
    cautions.push(
      `Only ${formatShare(current.prCoverage.share)} of merged PRs are linked to a deployment: lead time reads those alone. "Why?" lists the rest.`,
    );
  }
  const to = new Date(Date.parse(`${input.action.to}T00:00:00Z`) - 24 * HOUR_MS);
  return {
    kind: 'dora',
    scopeLabel: input.scopeLabel,
    rangeLabel: input.action.label,
    from: input.action.from,
    to: isoDay(to),
    figures: buildFigures(current, input.previous, input.year),
    coverage: { pullRequests: current.prCoverage, incidents: current.incidentCoverage },
    leftOut: current.leftOut,
    cautions,
    charts: buildCharts(input.weeks),
    action: input.action,
  };
}
