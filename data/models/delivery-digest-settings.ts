import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * Whether, where and when a team gets the weekly delivery digest (`delivery_digest_settings`, `_id`
 * `<tenant>|<standupId>`); absent: it does not (the digest is opt-in).
 */
export interface DeliveryDigestSettingsFields {
  _id: string;
  tenantId: string;
  standupId: string;
  enabled: boolean;
  surface: 'slack' | 'teams';
  channel: string;
  /** ISO weekday, 1 Monday. */
  weekday: number;
  /** Local `HH:MM` in the team's zone. */
  time: string;
  updatedBy: string;
  updatedAt: Date;
}

const deliveryDigestSettingsSchema = new Schema<DeliveryDigestSettingsFields>(
  {
    _id: { type: String, required: true },
    standupId: { type: String, required: true },
    enabled: { type: Boolean, required: true },
    surface: { type: String, required: true },
    channel: { type: String, required: true },
    weekday: { type: Number, required: true },
    time: { type: String, required: true },
    updatedBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'delivery_digest_settings', versionKey: false, id: false },
);
deliveryDigestSettingsSchema.plugin(tenantScoped);

export type DeliveryDigestSettingsModel = Model<DeliveryDigestSettingsFields>;

export function defineDeliveryDigestSettingsModel(connection: Connection): DeliveryDigestSettingsModel {
  return connection.model<DeliveryDigestSettingsFields>(
    'DeliveryDigestSettings',
    deliveryDigestSettingsSchema,
  );
}
