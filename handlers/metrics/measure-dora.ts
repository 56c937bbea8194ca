import { attributeIncidents, type IncidentAttribution } from './attribute-incidents.ts';
import { measureChangeFailureRate, type ChangeFailureRate } from './change-failure-rate.ts';
import { classifyBand, type BandAnswer } from './classify-band.ts';
import type { ReportYear } from './bands.ts';
import { findDeploymentCommits, type DeploymentCommits } from './contained-commits.ts';
import { countDeployments, type CountedDeployments } from './count-deployments.ts';
import { measureDeploymentFrequency, type DeploymentFrequency } from './deployment-frequency.ts';
import { readDeploymentSignals } from './deployments-from-signals.ts';
import { measureLeadTime, type LeadTime } from './lead-time.ts';
import { linkPullRequests, type PullRequestLink } from './link-pull-requests.ts';
import { measureReworkRate, type ReworkRate } from './rework-rate.ts';
import { measureTimeToRestore, type TimeToRestore } from './time-to-restore.ts';
import type { MetricsConfig, MetricsInput, TimeRange } from './types.ts';

export interface DoraAnswer {
  range: TimeRange;
  deploymentFrequency: DeploymentFrequency & { band: BandAnswer };
  leadTime: LeadTime & { band?: BandAnswer };
  changeFailureRate: ChangeFailureRate & { band?: BandAnswer };
  timeToRestore: TimeToRestore & { band?: BandAnswer };
  reworkRate: ReworkRate;
  /** What the figures were computed from, for "why this number?". */
  basis: {
    counted: CountedDeployments;
    deploymentCommits: DeploymentCommits[];
    links: PullRequestLink[];
    attributions: IncidentAttribution[];
    /** Breaks in the push chain no compare result filled: the compare calls that would close them. */
    gaps: { repo: string; base: string; head: string }[];
  };
}

/**
 * DORA's five keys over one range, exactly, from facts as plain data. The whole history is passed in (what
 * came before the range decides what a deployment shipped and which deployment came first); the range picks
 * the figures. Bands follow the report year (default 2024): recovery is banded on the median time to restore
 * for 2021 (its "time to restore service") and on failed deployment recovery time for 2023 and 2024.
 */
export function measureDora(
  input: MetricsInput,
  config: MetricsConfig,
  range: TimeRange,
  year: ReportYear = 2024,
): DoraAnswer {
  const defaultBranchOf = (repo: string) => input.defaultBranches?.[repo] ?? 'main';
  const counted = countDeployments(readDeploymentSignals(input, config), config);
  const deploymentCommits = findDeploymentCommits(
    counted.deployments,
    input.pushes,
    input.compares ?? [],
    defaultBranchOf,
  );
  const links = linkPullRequests(input.pullRequests, counted.deployments, deploymentCommits);
  const knownRepos = [
    ...Object.keys(input.defaultBranches ?? {}),
    ...input.pullRequests.map((pr) => pr.repo),
    ...input.pushes.map((p) => p.repo),
  ];
  const attributions = attributeIncidents(
    input.incidents,
    counted.deployments,
    deploymentCommits,
    links,
    config,
    knownRepos,
  );
  const frequency = measureDeploymentFrequency(counted.deployments, range);
  const leadTime = measureLeadTime(
    input.pullRequests,
    links,
    counted.deployments,
    input.pushes,
    config,
    range,
  );
  const cfr = measureChangeFailureRate(
    counted.deployments,
    counted.failedAttempts,
    input.incidents,
    attributions,
    range,
  );
  const restore = measureTimeToRestore(
    input.incidents,
    attributions,
    counted.deployments,
    counted.failedAttempts,
    range,
  );
  const rework = measureReworkRate(
    counted.deployments,
    deploymentCommits,
    links,
    input.pullRequests,
    input.incidents,
    attributions,
    config,
    range,
  );
  const recovery = year === 2021 ? restore.mttr.p50 : restore.failedDeploymentRecovery.p50;
  const repoOf = new Map(counted.deployments.map((d) => [d.key, d.repo]));
  return {
    range,
    deploymentFrequency: {
      ...frequency,
      band: classifyBand('deploymentFrequency', frequency.deploymentDaysPerWeek, year),
    },
    leadTime: {
      ...leadTime,
      ...(leadTime.leadTime.p50 !== null
        ? { band: classifyBand('leadTime', leadTime.leadTime.p50, year) }
        : {}),
    },
    changeFailureRate: {
      ...cfr,
      ...(cfr.rate !== null ? { band: classifyBand('changeFailureRate', cfr.rate, year) } : {}),
    },
    timeToRestore: {
      ...restore,
      ...(recovery !== null ? { band: classifyBand('recoveryTime', recovery, year) } : {}),
    },
    reworkRate: rework,
    basis: {
      counted,
      deploymentCommits,
      links,
      attributions,
      gaps: deploymentCommits.flatMap((dc) =>
        dc.gap ? [{ repo: repoOf.get(dc.deploymentKey)!, base: dc.gap.base, head: dc.gap.head }] : [],
      ),
    },
  };
}
