import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';
import type { StoredRollup } from '../../handlers/metrics/dora-rollup.ts';

export interface VersionEntry extends StoredRollup {
  kind: 'repo' | 'service';
  scope: string;
}

/**
 * The ledger of one tenant's day (`metric_rollup_versions`), `_id` `${tenantId}|${day}|${seq}`: each recompute
 * claims the next `seq` by inserting it (insert-once: two processes never hold the same one), then stores the
 * day's exact content per scope. Rollup documents move from the content of the version they hold to a newer
 * one by `$inc` of the difference (data/metrics/apply-day-version.ts).
 */
export interface MetricRollupVersionFields {
  _id: string;
  tenantId: string;
  day: string;
  seq: number;
  state: 'claimed' | 'computed' | 'applied';
  rollups?: VersionEntry[];
  /** Its content equals this earlier version's, which the documents hold (it touched none). */
  sameAs?: number;
  claimedAt: Date;
}

export type MetricRollupVersionModel = Model<MetricRollupVersionFields>;

const schema = new Schema<MetricRollupVersionFields>(
  {
    _id: { type: String, required: true },
    day: { type: String, required: true },
    seq: { type: Number, required: true },
    state: { type: String, required: true },
    rollups: { type: Schema.Types.Mixed, default: undefined },
    sameAs: Number,
    claimedAt: { type: Date, required: true },
  },
  { collection: 'metric_rollup_versions', versionKey: false, minimize: false },
);
schema.plugin(tenantScoped);
schema.index({ tenantId: 1, day: 1, seq: 1 });

export function defineMetricRollupVersionModel(connection: Connection): MetricRollupVersionModel {
  return (
    (connection.models.MetricRollupVersion as MetricRollupVersionModel | undefined) ??
    connection.model<MetricRollupVersionFields>('MetricRollupVersion', schema)
  );
}
