import type { Connection } from 'mongoose';
import { defineFactModel } from './fact-schema.ts';

export interface IncidentFields {
  incidentId: string;
  number?: number;
  title?: string;
  status?: 'triggered' | 'acknowledged' | 'resolved';
  urgency?: string;
  priority?: string;
  serviceId?: string;
  serviceName?: string;
  assignees?: string[];
  url?: string;
  triggeredAt?: Date;
  acknowledgedAt?: Date;
  resolvedAt?: Date;
  /** What it names explicitly: `owner/repo#123` or a deployment URL in its title or notes. */
  names?: { repo: string; deploymentId?: number; prNumber?: number }[];
}

export const defineIncidentModel = (connection: Connection) =>
  defineFactModel<IncidentFields>(
    connection,
    'Incident',
    'incidents',
    ['incidentId'],
    {
      incidentId: { type: String, required: true },
      number: Number,
      title: String,
      status: String,
      urgency: String,
      priority: String,
      serviceId: String,
      serviceName: String,
      assignees: { type: [String], default: undefined },
      url: String,
      triggeredAt: Date,
      acknowledgedAt: Date,
      resolvedAt: Date,
      names: {
        type: [{ repo: String, deploymentId: Number, prNumber: Number, _id: false }],
        default: undefined,
      },
    },
    // Assignees: the incidents a member handled, for their standup draft.
    [{ triggeredAt: -1 }, { assignees: 1 }],
  );
