import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';
import type { StoredRollup } from '../../handlers/metrics/dora-rollup.ts';

/** One scope's numbers in a day's rollup document (and in a ledger version): zero counts and empty histograms left out. */
export interface VersionEntry extends StoredRollup {
  kind: 'repo' | 'service';
  scope: string;
}

/**
 * One tenant's delivery metrics for one UTC day (`metric_rollup_days`), `_id` `${tenantId}|${day}`: every
 * scope's counts and log histograms (handlers/metrics/dora-rollup.ts) packed in one string. One document a day,
 * not one per scope and day, and packed, not a field per bucket: FerretDB v1 on PostgreSQL scans the table on
 * every query (its `@>` filters use no index) and turns each returned field from JSONB into BSON one by one, so
 * a read costs about the rows and the fields it touches; a quarter is then ~90 documents of one field each.
 * `version` names the day's ledger version (metric_rollup_versions) whose content this document holds; it only
 * moves forward (data/metrics/rollup-ledger.ts).
 */
export interface MetricRollupFields {
  _id: string;
  tenantId: string;
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  /** `YYYY-MM`: reads name the months a range touches (an equality FerretDB pushes down; ranges it does not). */
  month: string;
  version: number;
  /** `packEntries` of the day's entries, sorted by kind and scope. */
  rollups: string;
}

export type MetricRollupModel = Model<MetricRollupFields>;

export const packEntries = (entries: readonly VersionEntry[]): string => JSON.stringify(entries);
export const unpackEntries = (packed: string | undefined): VersionEntry[] =>
  packed ? (JSON.parse(packed) as VersionEntry[]) : [];

const schema = new Schema<MetricRollupFields>(
  {
    _id: { type: String, required: true },
    day: { type: String, required: true },
    month: { type: String, required: true },
    version: { type: Number, required: true },
    rollups: { type: String, required: true },
  },
  { collection: 'metric_rollup_days', versionKey: false },
);
schema.plugin(tenantScoped);
schema.index({ tenantId: 1, month: 1 });

export function defineMetricRollupModel(connection: Connection): MetricRollupModel {
  return (
    (connection.models.MetricRollup as MetricRollupModel | undefined) ??
    connection.model<MetricRollupFields>('MetricRollup', schema)
  );
}
