import { compareText } from './compare-text.ts';
import { coverageOf } from './coverage.ts';
import { groupBy } from './group-by.ts';
import type { PullRequestLink } from './link-pull-requests.ts';
import { summarizeDurations } from './percentiles.ts';
import type {
  CountedDeployment,
  Coverage,
  DurationSummary,
  MetricsConfig,
  MetricsPullRequest,
  MetricsPush,
  TimeRange,
} from './types.ts';

export type StartSource = 'head-pushes' | 'pr-commits' | 'opened';

export interface PullRequestPhases {
  /** First commit → ready for review (opened, or marked ready from a draft). */
  codingMs: number;
  /** Ready → first review; absent when merged without a review. */
  pickupMs?: number;
  /** First review → merged; absent when merged without a review. */
  reviewMs?: number;
  /** Merged → the deployment that shipped it. */
  deployMs: number;
}

/** One PR behind the lead-time figure: its chain PR → merge sha → deployment → the previous deployment. */
export interface LeadTimeItem {
  repo: string;
  number: number;
  start: Date;
  startSource: StartSource;
  mergedAt: Date;
  mergeSha?: string;
  matchedBy: PullRequestLink['matchedBy'];
  /** The compare result that filled a break in the push chain and showed this PR shipped. */
  filledBy?: PullRequestLink['filledBy'];
  deploymentKey: string;
  deployedSha: string;
  deployedAt: Date;
  previousDeploymentKey?: string;
  previousSha?: string;
  leadTimeMs: number;
  openedToDeployMs: number;
  phases: PullRequestPhases;
}

export interface LeadTime {
  /** First commit → production. */
  leadTime: DurationSummary;
  /** PR opened → production. */
  openedToDeploy: DurationSummary;
  phases: {
    coding: DurationSummary;
    pickup: DurationSummary;
    review: DurationSummary;
    deploy: DurationSummary;
  };
  /** Merged PRs in the range tied to a deployment. */
  coverage: Coverage;
  /** Left out and counted (DevLake #7193): merged before the repository's first observed deployment, or
   * starting before the commit cutoff. */
  leftOut: { beforeFirstDeployment: number; beforeCommitCutoff: number };
  /** The PRs behind `leftOut`, each at the time that put it in the range (its deployment's, else its merge). */
  leftOutItems: {
    repo: string;
    number: number;
    at: Date;
    reason: 'beforeFirstDeployment' | 'beforeCommitCutoff';
  }[];
  items: LeadTimeItem[];
  unlinked: { repo: string; number: number; mergedAt: Date }[];
  /** The slowest items (at or above p90), slowest first, each with its chain. */
  outliers: LeadTimeItem[];
}

const span = (from: Date, to: Date) => Math.max(0, to.getTime() - from.getTime());

/**
 * When the PR's work started: its earliest authored commit, from what was seen, else when it was opened.
 * `pullRequests` and `pushes` may be all of them, or (for speed) those of the PR's repository and head branch.
 */
export function findPullStart(
  pr: MetricsPullRequest,
  pullRequests: readonly MetricsPullRequest[],
  pushes: readonly MetricsPush[],
): { start: Date; source: StartSource } {
  // A branch name is reused over time: only pushes after the previous PR from the same branch merged count.
  const after = Math.max(
    -Infinity,
    ...pullRequests
      .filter(
        (other) =>
          other.repo === pr.repo &&
          other.headRef === pr.headRef &&
          other.number !== pr.number &&
          other.mergedAt &&
          pr.mergedAt &&
          other.mergedAt < pr.mergedAt,
      )
      .map((other) => other.mergedAt!.getTime()),
  );
  const until = (pr.mergedAt ?? new Date(8.64e15)).getTime();
  const headTimes = pr.headRef
    ? pushes
        .filter(
          (push) =>
            push.repo === pr.repo &&
            push.branch === pr.headRef &&
            push.pushedAt.getTime() > after &&
            push.pushedAt.getTime() <= until,
        )
        .flatMap((push) => push.commits.map((commit) => commit.authoredAt.getTime()))
    : [];
  if (headTimes.length > 0) return { start: new Date(Math.min(...headTimes)), source: 'head-pushes' };
  const apiTimes = (pr.commitAuthoredTimes ?? []).map((at) => at.getTime());
  if (apiTimes.length > 0) return { start: new Date(Math.min(...apiTimes)), source: 'pr-commits' };
  return { start: pr.openedAt, source: 'opened' };
}

/**
 * Lead time for changes over the PRs shipped in the range (by deployment time), with the PR-opened variant,
 * the phases, coverage (linked ÷ linked + merged-in-range-but-unlinked) and the history horizon.
 */
export function measureLeadTime(
  pullRequests: readonly MetricsPullRequest[],
  links: readonly PullRequestLink[],
  deployments: readonly CountedDeployment[],
  pushes: readonly MetricsPush[],
  config: MetricsConfig,
  range: TimeRange,
): LeadTime {
  const deploymentByKey = new Map(deployments.map((d) => [d.key, d]));
  const linkOf = new Map(links.map((link) => [`${link.repo}#${link.number}`, link]));
  const firstDeployment = new Map<string, Date>();
  for (const d of deployments) if (!firstDeployment.has(d.repo)) firstDeployment.set(d.repo, d.at);
  const inRange = (at: Date) => at >= range.from && at < range.to;
  const items: LeadTimeItem[] = [];
  const unlinked: LeadTime['unlinked'] = [];
  const leftOut = { beforeFirstDeployment: 0, beforeCommitCutoff: 0 };
  const leftOutItems: LeadTime['leftOutItems'] = [];
  const branchOf = (repo: string, branch: string | undefined) => `${repo}\u0000${branch ?? ''}`;
  const pullsByBranch = groupBy(pullRequests, (pr) => branchOf(pr.repo, pr.headRef));
  const pushesByBranch = groupBy(pushes, (push) => branchOf(push.repo, push.branch));
  const merged = pullRequests
    .filter((pr) => pr.mergedAt)
    .sort((a, b) => compareText(a.repo, b.repo) || a.number - b.number);
  for (const pr of merged) {
    const mergedAt = pr.mergedAt!;
    const link = linkOf.get(`${pr.repo}#${pr.number}`);
    const deployment = link ? deploymentByKey.get(link.deploymentKey) : undefined;
    const anchor = deployment ? deployment.at : mergedAt;
    if (!inRange(anchor)) continue;
    const first = firstDeployment.get(pr.repo);
    if (first && mergedAt < first) {
      leftOut.beforeFirstDeployment += 1;
      leftOutItems.push({ repo: pr.repo, number: pr.number, at: anchor, reason: 'beforeFirstDeployment' });
      continue;
    }
    const branch = branchOf(pr.repo, pr.headRef);
    const { start, source } = findPullStart(
      pr,
      pullsByBranch.get(branch) ?? [],
      pr.headRef ? (pushesByBranch.get(branch) ?? []) : [],
    );
    if (config.commitCutoff && start < config.commitCutoff) {
      leftOut.beforeCommitCutoff += 1;
      leftOutItems.push({ repo: pr.repo, number: pr.number, at: anchor, reason: 'beforeCommitCutoff' });
      continue;
    }
    if (!link || !deployment) {
      unlinked.push({ repo: pr.repo, number: pr.number, mergedAt });
      continue;
    }
    const ready = pr.readyAt ?? pr.openedAt;
    items.push({
      repo: pr.repo,
      number: pr.number,
      start,
      startSource: source,
      mergedAt,
      ...(pr.mergeCommitSha ? { mergeSha: pr.mergeCommitSha } : {}),
      matchedBy: link.matchedBy,
      ...(link.filledBy ? { filledBy: link.filledBy } : {}),
      deploymentKey: deployment.key,
      deployedSha: deployment.sha,
      deployedAt: deployment.at,
      ...(deployment.previousKey ? { previousDeploymentKey: deployment.previousKey } : {}),
      ...(deployment.previousSha ? { previousSha: deployment.previousSha } : {}),
      leadTimeMs: span(start, deployment.at),
      openedToDeployMs: span(pr.openedAt, deployment.at),
      phases: {
        codingMs: span(start, ready),
        ...(pr.firstReviewAt
          ? { pickupMs: span(ready, pr.firstReviewAt), reviewMs: span(pr.firstReviewAt, mergedAt) }
          : {}),
        deployMs: span(mergedAt, deployment.at),
      },
    });
  }
  const leadTime = summarizeDurations(items.map((item) => item.leadTimeMs));
  const p90 = leadTime.p90;
  return {
    leadTime,
    openedToDeploy: summarizeDurations(items.map((item) => item.openedToDeployMs)),
    phases: {
      coding: summarizeDurations(items.map((item) => item.phases.codingMs)),
      pickup: summarizeDurations(items.flatMap((item) => item.phases.pickupMs ?? [])),
      review: summarizeDurations(items.flatMap((item) => item.phases.reviewMs ?? [])),
      deploy: summarizeDurations(items.map((item) => item.phases.deployMs)),
    },
    coverage: coverageOf(items.length, items.length + unlinked.length),
    leftOut,
    leftOutItems,
    items,
    unlinked,
    outliers:
      p90 === null
        ? []
        : items.filter((item) => item.leadTimeMs >= p90).sort((a, b) => b.leadTimeMs - a.leadTimeMs),
  };
}
