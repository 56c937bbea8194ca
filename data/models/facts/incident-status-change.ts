import type { Connection } from 'mongoose';
import { defineFactModel } from './fact-schema.ts';

/**
 * One status change of a PagerDuty incident (triggered, acknowledged, resolved, reopened as triggered), keyed
 * by the event or log entry that reported it, so a reopened incident's second resolution is not lost to the
 * incident fact's first-seen `resolvedAt`.
 */
export interface IncidentStatusChangeFields {
  incidentId: string;
  /** The webhook event id or the log entry id. */
  changeId: string;
  status?: 'triggered' | 'acknowledged' | 'resolved';
  at?: Date;
}

export const defineIncidentStatusChangeModel = (connection: Connection) =>
  defineFactModel<IncidentStatusChangeFields>(
    connection,
    'IncidentStatusChange',
    'incident_status_changes',
    ['incidentId', 'changeId'],
    {
      incidentId: { type: String, required: true },
      changeId: { type: String, required: true },
      status: String,
      at: Date,
    },
    [{ at: -1 }],
  );
