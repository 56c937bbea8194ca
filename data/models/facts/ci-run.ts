import type { Connection } from 'mongoose';
import { defineFactModel } from './fact-schema.ts';

export interface CiRunFields {
  /** `workflow_run` or `check_run`. */
  kind: string;
  runId: number;
  repo?: string;
  name?: string;
  workflowId?: number;
  event?: string;
  headBranch?: string;
  headSha?: string;
  runNumber?: number;
  runAttempt?: number;
  status?: string;
  conclusion?: string;
  createdAt?: Date;
  startedAt?: Date;
  completedAt?: Date;
  url?: string;
}

export const defineCiRunModel = (connection: Connection) =>
  defineFactModel<CiRunFields>(
    connection,
    'CiRun',
    'ci_runs',
    ['kind', 'runId'],
    {
      kind: { type: String, required: true },
      runId: { type: Number, required: true },
      repo: String,
      name: String,
      workflowId: Number,
      event: String,
      headBranch: String,
      headSha: String,
      runNumber: Number,
      runAttempt: Number,
      status: String,
      conclusion: String,
      createdAt: Date,
      startedAt: Date,
      completedAt: Date,
      url: String,
    },
    // headSha: a PR head's check status (data/triage/enrich-pull-requests.ts).
    [{ repo: 1, createdAt: -1 }, { headSha: 1 }],
  );
