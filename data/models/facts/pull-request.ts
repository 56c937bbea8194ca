import type { Connection } from 'mongoose';
import { defineFactModel } from './fact-schema.ts';

export interface PullRequestFields {
  repo: string;
  number: number;
  githubId?: number;
  author?: string;
  url?: string;
  title?: string;
  state?: 'open' | 'closed' | 'merged';
  draft?: boolean;
  labels?: string[];
  requestedReviewers?: string[];
  assignees?: string[];
  /** Everyone other than the author who submitted a review. */
  reviewers?: string[];
  additions?: number;
  deletions?: number;
  changedFiles?: number;
  /** Paths changed (pulls.listFiles). */
  files?: string[];
  commits?: number;
  baseRef?: string;
  headRef?: string;
  headSha?: string;
  openedAt?: Date;
  /** When it was first ready for review (created as a non-draft, or marked ready). */
  readyAt?: Date;
  firstReviewAt?: Date;
  approvedAt?: Date;
  mergedAt?: Date;
  /** GitHub's `merge_commit_sha` once merged: the merge commit, the squash commit or the last rebased commit. */
  mergeCommitSha?: string;
  /** The earliest authored time among its commits (pulls.listCommits), for PRs whose pushes were not seen. */
  firstCommitAt?: Date;
  closedAt?: Date;
  updatedAt?: Date;
  // Triage's facts beyond the payloads, set by data/triage/enrich-pull-requests.ts.
  /** The head sha `files`, `mergeable` and `lastCommitAt` were fetched for (data/triage/enrich-pull-requests.ts). */
  enrichedSha?: string;
  /** GitHub's `mergeable`: conflicting when false, unknown while GitHub is still computing it. */
  mergeable?: 'clean' | 'conflicting' | 'unknown';
  /** The combined status of the head's check runs and workflow runs. */
  checks?: 'success' | 'failure' | 'pending';
  /** When the first of the head's failing runs completed. */
  checksFailedAt?: Date;
  /** Reviews by others, oldest first, as the review facts hold them (kept by the enricher for one-query reads). */
  reviewHistory?: { reviewer: string; state: string; at: Date; commitId?: string }[];
  /** The head commit's committer date (git.getCommit, by the enricher). */
  lastCommitAt?: Date;
}

export const definePullRequestModel = (connection: Connection) =>
  defineFactModel<PullRequestFields>(
    connection,
    'PullRequest',
    'pull_requests',
    ['repo', 'number'],
    {
      repo: { type: String, required: true },
      number: { type: Number, required: true },
      githubId: Number,
      author: String,
      url: String,
      title: String,
      state: String,
      draft: Boolean,
      labels: { type: [String], default: undefined },
      requestedReviewers: { type: [String], default: undefined },
      assignees: { type: [String], default: undefined },
      reviewers: { type: [String], default: undefined },
      additions: Number,
      deletions: Number,
      changedFiles: Number,
      files: { type: [String], default: undefined },
      commits: Number,
      baseRef: String,
      headRef: String,
      headSha: String,
      openedAt: Date,
      readyAt: Date,
      firstReviewAt: Date,
      approvedAt: Date,
      mergedAt: Date,
      mergeCommitSha: String,
      firstCommitAt: Date,
      closedAt: Date,
      updatedAt: Date,
      enrichedSha: String,
      mergeable: String,
      checks: String,
      checksFailedAt: Date,
      lastCommitAt: Date,
      reviewHistory: {
        type: [{ reviewer: String, state: String, at: Date, commitId: String, _id: false }],
        default: undefined,
      },
    },
    // Author first: a member's PRs for their standup draft and the team's shipped work.
    [
      { state: 1, updatedAt: -1 },
      { author: 1, mergedAt: -1 },
      // Triage: the PRs a check run's head belongs to.
      { headSha: 1 },
    ],
  );
