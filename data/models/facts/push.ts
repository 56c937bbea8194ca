import type { Connection } from 'mongoose';
import { defineFactModel } from './fact-schema.ts';

/**
 * One push to a branch (GitHub's `push` event), kept whole: its `before`→`after` link is what chains the default
 * branch's history between two deployments (handlers/metrics/contained-commits.ts), and its commits' authored
 * times are where a PR's lead time starts.
 */
export interface PushFields {
  repo: string;
  /** Branch name without `refs/heads/` (tags are not pushes here). */
  branch: string;
  before: string;
  after: string;
  /** The head commit's timestamp, else the delivery time. */
  pushedAt?: Date;
  /** Every commit the payload lists (at most 2048 on GitHub), `distinct` or not: all are new on this branch. */
  commits?: { sha: string; title: string; authoredAt: Date }[];
  forced?: boolean;
  created?: boolean;
  deleted?: boolean;
}

export const definePushModel = (connection: Connection) =>
  defineFactModel<PushFields>(
    connection,
    'Push',
    'pushes',
    ['repo', 'branch', 'after'],
    {
      repo: { type: String, required: true },
      branch: { type: String, required: true },
      before: String,
      after: { type: String, required: true },
      pushedAt: Date,
      commits: {
        type: [{ sha: String, title: String, authoredAt: Date, _id: false }],
        default: undefined,
      },
      forced: Boolean,
      created: Boolean,
      deleted: Boolean,
    },
    // The chain walk reads a repository's branch pushes by `after` (equality, pushed down on PostgreSQL).
    [{ repo: 1, branch: 1, pushedAt: -1 }],
  );
