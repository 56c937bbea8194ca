import type { Connection } from 'mongoose';
import { defineFactModel } from './fact-schema.ts';

export interface DeploymentStatusFields {
  repo: string;
  statusId: number;
  deploymentId?: number;
  state?: string;
  environment?: string;
  creator?: string;
  description?: string;
  createdAt?: Date;
}

export const defineDeploymentStatusModel = (connection: Connection) =>
  defineFactModel<DeploymentStatusFields>(
    connection,
    'DeploymentStatus',
    'deployment_statuses',
    ['repo', 'statusId'],
    {
      repo: { type: String, required: true },
      statusId: { type: Number, required: true },
      deploymentId: Number,
      state: String,
      environment: String,
      creator: String,
      description: String,
      createdAt: Date,
    },
    [{ repo: 1, deploymentId: 1 }],
  );
