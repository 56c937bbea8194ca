/**
 * Delivery metrics, pure: what the engine reads (plain data mirroring the facts in data/models/facts/), how it
 * is configured, and the figures it answers with. Nothing here knows the database, Slack or Teams.
 *
 * What each field is read from (all ingested; the loader from facts to MetricsInput is not built yet):
 * - pushes: `pushes` facts (every branch push webhook: `before`, `after`, the listed commits with their
 *   authored times, `pushedAt`); webhooks only, the REST API has no push history, so a backfilled range has
 *   gaps that the compare API fills;
 * - compares: `commit_compares` facts (GitHub's compare of a gap, fetched by the metrics-compare-gaps job);
 * - a PR's `mergeCommitSha` and `firstCommitAt` (the PR commits API's earliest authored time) on the
 *   `pull_requests` fact, for merged PRs;
 * - each deployment's status history: `deployment_statuses` (loaded per deployment);
 * - an incident's status history: `incident_status_changes` (one per webhook event or log entry; a tenant with
 *   both webhooks and backfill has each change twice, seconds apart, which `openIntervals` reads as one);
 * - what an incident names: the incident fact's `names` (`owner/repo#123`, PR and REST deployment URLs in its
 *   title or description).
 */

/** One GitHub deployment with every status it received (the deployment fact joined to its statuses). */
export interface MetricsDeployment {
  repo: string;
  deploymentId: number;
  sha: string;
  /** The ref deployed (a branch such as `hotfix/x`, a tag or a sha). */
  ref?: string;
  environment: string;
  createdAt: Date;
  statuses: { state: string; at: Date }[];
}

/** A release, usable as the deployment signal instead of deployments (`release` facts). */
export interface MetricsRelease {
  repo: string;
  releaseId: number;
  tag: string;
  /** The commit the tag points at (the release fact's `sha`: `target_commitish` when a sha, else the tag resolved). */
  sha?: string;
  draft: boolean;
  prerelease: boolean;
  publishedAt?: Date;
}

/** A workflow run, usable as the deployment signal when its workflow is named in the config (`ci_runs`). */
export interface MetricsWorkflowRun {
  repo: string;
  runId: number;
  name: string;
  headBranch?: string;
  headSha: string;
  conclusion?: string;
  completedAt?: Date;
}

/** A commit as a push lists it. `title` is the message's first line (what the commit fact keeps). */
export interface MetricsCommit {
  sha: string;
  title: string;
  /** Authored time (the push payload's `timestamp`). */
  authoredAt: Date;
}

/** One push to a branch (a `pushes` fact; a deleted branch's push, with no commits, is not one of these). */
export interface MetricsPush {
  repo: string;
  /** Branch name without `refs/heads/`. */
  branch: string;
  before: string;
  after: string;
  pushedAt: Date;
  commits: MetricsCommit[];
}

/** How `head` stands to `base` (GitHub's compare `status`). */
export type CompareStatus = 'ahead' | 'behind' | 'identical' | 'diverged';

/**
 * GitHub's compare API for `base...head`, fetched to fill a gap in the push chain (the `commit_compares` fact):
 * the commits reachable from `head` and not from `base`. Diverged (a deployment from another branch, a force
 * push) lists those past the merge base, which `base` does not have either: still what `head` shipped new.
 */
export interface MetricsCompare {
  repo: string;
  base: string;
  head: string;
  /** Absent: `ahead`. */
  status?: CompareStatus;
  /** More commits than were fetched (the fact's page cap): the first ones only. */
  truncated?: boolean;
  commits: MetricsCommit[];
}

export interface MetricsPullRequest {
  repo: string;
  number: number;
  title?: string;
  labels: string[];
  headRef?: string;
  headSha?: string;
  /** GitHub's `merge_commit_sha` (merge, squash or last rebased commit): the fact's `mergeCommitSha`. */
  mergeCommitSha?: string;
  /**
   * Authored times from the PR commits API, when head-branch pushes were not seen: the fact keeps the earliest
   * (`firstCommitAt`), which is all the start of lead time needs.
   */
  commitAuthoredTimes?: Date[];
  openedAt: Date;
  readyAt?: Date;
  firstReviewAt?: Date;
  mergedAt?: Date;
}

export type IncidentStatus = 'triggered' | 'acknowledged' | 'resolved';

export interface MetricsIncident {
  incidentId: string;
  title?: string;
  serviceId?: string;
  serviceName?: string;
  triggeredAt: Date;
  /** The final resolution; absent while open. */
  resolvedAt?: Date;
  /** Every status change (`incident_status_changes`), so a reopened incident is measured right. */
  transitions?: { status: IncidentStatus; at: Date }[];
  /** What the incident names explicitly (the fact's `names`, from its title or description). */
  names?: { repo: string; deploymentId?: number; prNumber?: number }[];
}

export interface MetricsInput {
  deployments: MetricsDeployment[];
  releases?: MetricsRelease[];
  workflowRuns?: MetricsWorkflowRun[];
  pushes: MetricsPush[];
  compares?: MetricsCompare[];
  pullRequests: MetricsPullRequest[];
  incidents: MetricsIncident[];
  /** The default branch per repository (`repositories.defaultBranch`); `main` when absent. */
  defaultBranches?: Record<string, string>;
}

export interface MetricsConfig {
  /** Production environment names per repository; default `production` and `prod` (case-insensitive). */
  productionEnvironments?: Record<string, string[]>;
  /** The deployment signal per repository; default `deployment`. */
  deploymentSignal?: Record<
    string,
    { kind: 'deployment' } | { kind: 'release' } | { kind: 'workflow'; name: string }
  >;
  /** Incident attribution window and rework window, in ms (default 24 h). */
  attributionWindowMs?: number;
  /** Service id or name → repositories (`em-agent services map`). */
  serviceRepos?: Record<string, string[]>;
  /** Commits authored before this are too old to trust (history horizon); PRs starting earlier are left out. */
  commitCutoff?: Date;
  /** Labels and branch prefixes that mark a hotfix; default label `hotfix`, branch prefix `hotfix/`. */
  hotfixLabels?: string[];
  hotfixBranchPrefixes?: string[];
}

export interface TimeRange {
  from: Date;
  /** Exclusive. */
  to: Date;
}

/** A successful production deployment, counted once. */
export interface CountedDeployment {
  /** `owner/repo#deploymentId` of the first deployment of this sha in the run. */
  key: string;
  repo: string;
  deploymentId: number;
  sha: string;
  ref?: string;
  /** First success. */
  at: Date;
  /** Same sha deployed again right after it (folded into this one), by key. */
  redeploys: string[];
  /** A status turned failure/error after the success (a status flip): it counts as failed. */
  failedAt?: Date;
  /** It deployed a sha that had been deployed before: the key of the deployment it rolled back. */
  rollbackOf?: string;
  /** The previous counted deployment of the repository, whose sha bounds this one's new commits. */
  previousKey?: string;
  previousSha?: string;
}

/** A production deployment that never succeeded (failure or error). */
export interface FailedAttempt {
  key: string;
  repo: string;
  deploymentId: number;
  sha: string;
  ref?: string;
  failedAt: Date;
}

export interface Coverage {
  linked: number;
  total: number;
  /** linked ÷ total, or null when there is nothing to cover. */
  share: number | null;
}

export interface DurationSummary {
  count: number;
  /** Milliseconds; null when count is 0. */
  p50: number | null;
  p75: number | null;
  p90: number | null;
}
