import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * A team's weekly delivery digest of one ISO week (`delivery_digests`, `_id` `<tenant>|<standupId>|<2027-W05>`):
 * inserted once by whichever tick claims the week, then holding the posted message's ref. A claim a crash left
 * behind stays: that week's digest is missed rather than posted twice.
 */
export interface DeliveryDigestFields {
  _id: string;
  tenantId: string;
  standupId: string;
  week: string;
  state: 'claimed' | 'posted';
  ref?: Record<string, string> | null;
  claimedAt: Date;
  updatedAt: Date;
}

const deliveryDigestSchema = new Schema<DeliveryDigestFields>(
  {
    _id: { type: String, required: true },
    standupId: { type: String, required: true },
    week: { type: String, required: true },
    state: { type: String, required: true },
    ref: { type: Schema.Types.Mixed, default: null },
    claimedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'delivery_digests', versionKey: false, id: false, minimize: false },
);
deliveryDigestSchema.plugin(tenantScoped);

export type DeliveryDigestModel = Model<DeliveryDigestFields>;

export function defineDeliveryDigestModel(connection: Connection): DeliveryDigestModel {
  return connection.model<DeliveryDigestFields>('DeliveryDigest', deliveryDigestSchema);
}
