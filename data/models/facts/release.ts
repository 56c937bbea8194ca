import type { Connection } from 'mongoose';
import { defineFactModel } from './fact-schema.ts';

export interface ReleaseFields {
  repo: string;
  releaseId: number;
  tag?: string;
  name?: string;
  author?: string;
  draft?: boolean;
  prerelease?: boolean;
  deleted?: boolean;
  createdAt?: Date;
  publishedAt?: Date;
  url?: string;
  /** The branch or sha the tag was made from, as GitHub reports it. */
  targetCommitish?: string;
  /** The commit the tag points at (target_commitish resolved when it names a branch). */
  sha?: string;
}

export const defineReleaseModel = (connection: Connection) =>
  defineFactModel<ReleaseFields>(connection, 'Release', 'releases', ['repo', 'releaseId'], {
    repo: { type: String, required: true },
    releaseId: { type: Number, required: true },
    tag: String,
    name: String,
    author: String,
    draft: Boolean,
    prerelease: Boolean,
    deleted: Boolean,
    createdAt: Date,
    publishedAt: Date,
    url: String,
    targetCommitish: String,
    sha: String,
  });
