/** What `team` reads of the normalized facts (implemented in data/facts/). Nothing here knows the database. */

export interface TeamPullRequest {
  repo: string;
  number: number;
  title?: string;
  author?: string;
  url?: string;
  draft?: boolean;
  openedAt?: Date;
  updatedAt?: Date;
  reviewers?: string[];
}

export interface TeamIssue {
  key?: string;
  summary?: string;
  status?: string;
  statusCategory?: string;
  flagged?: boolean;
  assigneeName?: string;
}

export interface TeamSprint {
  name?: string;
  goal?: string;
  startDate?: Date;
  endDate?: Date;
  issues: TeamIssue[];
}

export interface TeamIncident {
  title?: string;
  status?: 'triggered' | 'acknowledged' | 'resolved';
  serviceName?: string;
  url?: string;
  triggeredAt?: Date;
  resolvedAt?: Date;
}

export interface TeamDeployment {
  repo: string;
  environment?: string;
  latestState?: string;
  createdAt?: Date;
}

/** The facts of one tenant the team view is built from; lists are unsorted. */
export interface TeamFactsSnapshot {
  /** Distinct people (accounts linked to one person count once). */
  people: number;
  repositories: string[];
  openPullRequests: TeamPullRequest[];
  /** When each pull request merged at or after `since` was merged. */
  mergedAt: Date[];
  /** The active sprint (the latest started one when several are active), with its issues. */
  activeSprint?: TeamSprint;
  /** Incidents still open, and those triggered at or after `since`. */
  incidents: TeamIncident[];
  /** Deployments created at or after `since`. */
  deployments: TeamDeployment[];
}

/** The port: one read of a tenant's facts. */
export interface TeamFacts {
  snapshot(tenantId: string, since: Date): Promise<TeamFactsSnapshot>;
}

export interface TeamItem {
  /** What it is, in a few words (a PR title, an issue summary, an incident title). */
  title: string;
  /** A short line under it: who, where, how old. */
  detail: string;
  url?: string;
}

/** `team`: the team at a glance, from the same facts every feature reads. */
export interface TeamView {
  kind: 'team';
  /** Counts shown as one line of facts. */
  counts: { people: number; repositories: number; openPullRequests: number; mergedThisWeek: number };
  sprint?: { name: string; progress: string; goal?: string; blocked: TeamItem[] };
  stalePullRequests: TeamItem[];
  incidents: TeamItem[];
  failedDeployments: TeamItem[];
  /** Set when no facts exist yet: how to get some. */
  emptyHint?: string;
}
