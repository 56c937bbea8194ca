import type { Connection } from 'mongoose';
import { defineFactModel } from './fact-schema.ts';

export interface CommitFields {
  repo: string;
  sha: string;
  /** The first line of the message only. */
  title?: string;
  authorLogin?: string;
  authorName?: string;
  committedAt?: Date;
  /** The author's timestamp (a push lists it; a rebase keeps it while the committer date moves). */
  authoredAt?: Date;
  url?: string;
  branches?: string[];
}

export const defineCommitModel = (connection: Connection) =>
  defineFactModel<CommitFields>(
    connection,
    'Commit',
    'commits',
    ['repo', 'sha'],
    {
      repo: { type: String, required: true },
      sha: { type: String, required: true },
      title: String,
      authorLogin: String,
      authorName: String,
      committedAt: Date,
      authoredAt: Date,
      url: String,
      branches: { type: [String], default: undefined },
    },
    // Author first: the commits a member authored, for their standup draft.
    [{ authorLogin: 1, committedAt: -1 }],
  );
