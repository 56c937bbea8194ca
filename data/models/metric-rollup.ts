import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';
import type { StoredRollup } from '../../handlers/metrics/dora-rollup.ts';

/**
 * One scope's delivery metrics for one UTC day (`metric_rollups`), `_id` `${tenantId}|${kind}|${scope}|${day}`:
 * counts and log histograms grown with `$inc` (handlers/metrics/dora-rollup.ts). `version` names the day's
 * ledger version (metric_rollup_versions) whose content this document holds; it only moves forward
 * (data/metrics/apply-day-version.ts).
 */
export interface MetricRollupFields extends StoredRollup {
  _id: string;
  tenantId: string;
  kind: 'repo' | 'service';
  scope: string;
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  /** `YYYY-MM`, for reading a month whole. */
  month: string;
  version: number;
}

export type MetricRollupModel = Model<MetricRollupFields>;

const schema = new Schema<MetricRollupFields>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    scope: { type: String, required: true },
    day: { type: String, required: true },
    month: { type: String, required: true },
    version: { type: Number, required: true },
    counts: { type: Schema.Types.Mixed },
    hist: { type: Schema.Types.Mixed },
  },
  { collection: 'metric_rollups', versionKey: false, minimize: false },
);
schema.plugin(tenantScoped);
schema.index({ tenantId: 1, kind: 1, scope: 1, day: 1 });
schema.index({ tenantId: 1, day: 1 });

export function defineMetricRollupModel(connection: Connection): MetricRollupModel {
  return (
    (connection.models.MetricRollup as MetricRollupModel | undefined) ??
    connection.model<MetricRollupFields>('MetricRollup', schema)
  );
}
