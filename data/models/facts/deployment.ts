import type { Connection } from 'mongoose';
import { defineFactModel } from './fact-schema.ts';

export interface DeploymentFields {
  repo: string;
  deploymentId: number;
  sha?: string;
  ref?: string;
  environment?: string;
  task?: string;
  creator?: string;
  createdAt?: Date;
  url?: string;
  /** The state of the newest status (success, failure, error, in_progress, ...). */
  latestState?: string;
  latestStatusAt?: Date;
  firstSuccessAt?: Date;
  firstFailureAt?: Date;
}

export const defineDeploymentModel = (connection: Connection) =>
  defineFactModel<DeploymentFields>(
    connection,
    'Deployment',
    'deployments',
    ['repo', 'deploymentId'],
    {
      repo: { type: String, required: true },
      deploymentId: { type: Number, required: true },
      sha: String,
      ref: String,
      environment: String,
      task: String,
      creator: String,
      createdAt: Date,
      url: String,
      latestState: String,
      latestStatusAt: Date,
      firstSuccessAt: Date,
      firstFailureAt: Date,
    },
    // Creator first: a standup team's successful deploys, for the report's shipped work.
    [
      { environment: 1, createdAt: -1 },
      { creator: 1, firstSuccessAt: -1 },
    ],
  );
