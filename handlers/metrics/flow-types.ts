/**
 * Flow, pure: Jira status history and work items as plain data (the `jira_issues` and `issue_transitions`
 * facts). Each transition fact carries both statuses' categories (`fromCategory`, `toCategory`, from Jira's
 * status list), so `statusCategories` is read off the transitions (and the issue's current status); an issue's
 * initial status is its first transition's `from`, or its current status when it never moved.
 */

export type StatusCategory = 'new' | 'indeterminate' | 'done';
export type FlowState = 'active' | 'waiting' | 'done';

export interface FlowIssue {
  issueId: string;
  key: string;
  type: string;
  createdAt: Date;
  /** The status it was created in (before any transition). */
  initialStatus: string;
  transitions: { to: string; at: Date }[];
}

export interface FlowConfig {
  /** Each status's Jira category. */
  statusCategories: Record<string, StatusCategory>;
  /** Overrides by status name (case-insensitive), e.g. `In Review` or `Blocked` → waiting. */
  statusStates?: Record<string, FlowState>;
}

/** Milliseconds between two instants: calendar time by default, or working time (`workingDuration`). */
export type MeasureDuration = (from: Date, to: Date) => number;

export const calendarDuration: MeasureDuration = (from, to) => Math.max(0, to.getTime() - from.getTime());

/** Whether ages and durations count every hour, or only the team's working hours (its default calendar). */
export type AgeMode = 'calendar' | 'working';

/** A pull request as flow reads it (the `pull_requests` fact, its reviews, and when it reached production). */
export interface FlowPullRequest {
  repo: string;
  number: number;
  /** GitHub login. */
  author?: string;
  draft?: boolean;
  openedAt: Date;
  /** First ready for review: opened as a non-draft, or marked ready. */
  readyAt?: Date;
  /** The earliest authored commit seen; the opening time when unknown. */
  firstCommitAt?: Date;
  firstReviewAt?: Date;
  mergedAt?: Date;
  /** Closed without merging. */
  closedAt?: Date;
  additions?: number;
  deletions?: number;
  /** Reviews by others than the author, any order. */
  reviews: { reviewer: string; at: Date }[];
  /** The first successful production deployment of its repository at or after the merge, when one is known. */
  deployedAt?: Date;
}

/** A Jira issue with its owner, for WIP per person and throughput. */
export interface FlowWorkIssue extends FlowIssue {
  /** Jira account id. */
  assignee?: string;
}
