import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * One attempt at sending one standup message (`standup_deliveries`): `_id` is `<tenant>|<key>~<attempt>`, so the
 * insert is the claim (one writer wins on MongoDB and FerretDB v1 alike). `scope` is the key up to the day
 * (`<standup>|<date>`), for reading a day's refusals with an equality filter.
 */
export interface StandupDeliveryFields {
  _id: string;
  tenantId: string;
  key: string;
  scope: string;
  attempt: number;
  claimedAt: Date;
  finishedAt?: Date | null;
  ref?: Record<string, string> | null;
  error?: string | null;
}

const standupDeliverySchema = new Schema<StandupDeliveryFields>(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    scope: { type: String, required: true },
    attempt: { type: Number, required: true },
    claimedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
    ref: { type: Schema.Types.Mixed, default: null },
    error: { type: String, default: null },
  },
  { collection: 'standup_deliveries', versionKey: false, id: false },
);
standupDeliverySchema.plugin(tenantScoped);
standupDeliverySchema.index({ tenantId: 1, scope: 1 });

export type StandupDeliveryModel = Model<StandupDeliveryFields>;

export function defineStandupDeliveryModel(connection: Connection): StandupDeliveryModel {
  return connection.model<StandupDeliveryFields>('StandupDelivery', standupDeliverySchema);
}
