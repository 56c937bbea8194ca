import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

export { packEntries, unpackEntries, type VersionEntry } from './metric-rollup.ts';

/**
 * The ledger of one tenant's day (`metric_rollup_day_versions`), `_id` `${tenantId}|${day}|${seq}`: each
 * recompute claims the next `seq` by inserting it (insert-once: two processes never hold the same one), then
 * stores the day's exact content per scope, packed (`packEntries`). The day's rollup document moves from the
 * version it holds to a newer one by setting that version's content (data/metrics/rollup-ledger.ts).
 */
export interface MetricRollupVersionFields {
  _id: string;
  tenantId: string;
  day: string;
  /** `YYYY-MM`: a claim reads the months of its days (an equality FerretDB pushes down). */
  month: string;
  seq: number;
  state: 'claimed' | 'computed' | 'applied';
  rollups?: string;
  /** Its content equals this earlier version's, which the documents hold (it touched none). */
  sameAs?: number;
  claimedAt: Date;
}

export type MetricRollupVersionModel = Model<MetricRollupVersionFields>;

const schema = new Schema<MetricRollupVersionFields>(
  {
    _id: { type: String, required: true },
    day: { type: String, required: true },
    month: { type: String, required: true },
    seq: { type: Number, required: true },
    state: { type: String, required: true },
    rollups: String,
    sameAs: Number,
    claimedAt: { type: Date, required: true },
  },
  { collection: 'metric_rollup_day_versions', versionKey: false },
);
schema.plugin(tenantScoped);
schema.index({ tenantId: 1, day: 1, seq: 1 });
schema.index({ tenantId: 1, month: 1 });

export function defineMetricRollupVersionModel(connection: Connection): MetricRollupVersionModel {
  return (
    (connection.models.MetricRollupVersion as MetricRollupVersionModel | undefined) ??
    connection.model<MetricRollupVersionFields>('MetricRollupVersion', schema)
  );
}
