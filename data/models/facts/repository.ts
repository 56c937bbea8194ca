import type { Connection } from 'mongoose';
import { defineFactModel } from './fact-schema.ts';

export interface RepositoryFields {
  /** `owner/name`. */
  repo: string;
  provider: 'github';
  githubId?: number;
  name?: string;
  owner?: string;
  defaultBranch?: string;
  private?: boolean;
  archived?: boolean;
  url?: string;
}

export const defineRepositoryModel = (connection: Connection) =>
  defineFactModel<RepositoryFields>(connection, 'Repository', 'repositories', ['repo'], {
    repo: { type: String, required: true },
    provider: String,
    githubId: Number,
    name: String,
    owner: String,
    defaultBranch: String,
    private: Boolean,
    archived: Boolean,
    url: String,
  });
