import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * "Facts from this time on changed" (`metric_dirty_marks`): inserted after facts are applied (one per batch,
 * insert-only, so concurrent appliers never race on it), deleted by the recompute that read it.
 */
export interface MetricDirtyMarkFields {
  _id: Types.ObjectId;
  tenantId: string;
  from: Date;
  markedAt: Date;
}

export type MetricDirtyMarkModel = Model<MetricDirtyMarkFields>;

const schema = new Schema<MetricDirtyMarkFields>(
  { from: { type: Date, required: true }, markedAt: { type: Date, required: true } },
  { collection: 'metric_dirty_marks', versionKey: false },
);
schema.plugin(tenantScoped);
schema.index({ tenantId: 1 });

export function defineMetricDirtyMarkModel(connection: Connection): MetricDirtyMarkModel {
  return (
    (connection.models.MetricDirtyMark as MetricDirtyMarkModel | undefined) ??
    connection.model<MetricDirtyMarkFields>('MetricDirtyMark', schema)
  );
}
