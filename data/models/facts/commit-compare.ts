import type { Connection } from 'mongoose';
import { defineFactModel } from './fact-schema.ts';

/**
 * GitHub's compare of `base...head` for a break in a default branch's push chain (a push not seen, or a
 * backfilled range, which has no pushes): fetched once by the compare-gaps job (data/metrics/fill-compare-gaps.ts)
 * and read by the metrics loader, so the chain walk closes the gap. A compare GitHub cannot answer is kept as
 * `failed`: for good (`retryAt` absent: the sha is unknown, 404 or 422) or until `retryAt` (a 5xx, a rate limit).
 */
export interface CommitCompareFields {
  repo: string;
  base: string;
  head: string;
  status: 'ahead' | 'behind' | 'identical' | 'diverged' | 'failed';
  /** The commits `head` has and `base` does not, oldest first, as the chain walk reads them. */
  commits?: { sha: string; title: string; authoredAt: Date }[];
  /** GitHub's `total_commits`; more than `commits` holds when `truncated`. */
  totalCommits?: number;
  truncated?: boolean;
  /** The deployment that needed it (its first success): the loader reads the compares of its window by it. */
  neededAt: Date;
  fetchedAt: Date;
  /** A failed compare: the HTTP status (absent: no answer), how often it was tried, when it may be again. */
  error?: { status?: number; message: string };
  attempts?: number;
  retryAt?: Date;
}

export const defineCommitCompareModel = (connection: Connection) =>
  defineFactModel<CommitCompareFields>(
    connection,
    'CommitCompare',
    'commit_compares',
    ['repo', 'base', 'head'],
    {
      repo: { type: String, required: true },
      base: { type: String, required: true },
      head: { type: String, required: true },
      status: { type: String, required: true },
      commits: {
        type: [{ sha: String, title: String, authoredAt: Date, _id: false }],
        default: undefined,
      },
      totalCommits: Number,
      truncated: Boolean,
      neededAt: { type: Date, required: true },
      fetchedAt: { type: Date, required: true },
      error: { type: { status: Number, message: String }, _id: false, default: undefined },
      attempts: Number,
      retryAt: Date,
    },
    [{ repo: 1, neededAt: -1 }],
  );
