import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * One message the bot sends once: `_id` names it (e.g. `<tenant>|stale-digest|2026-W48:@alice`). Inserting
 * the claim is the atomic step (the `_id` index lets one writer have it, on MongoDB and FerretDB v1 alike),
 * so two runs of a job never both send; a failed send deletes its claim so a later run can try again.
 */
export interface DeliveryClaimFields {
  _id: string;
  tenantId: string;
  claimedAt: Date;
}

export type DeliveryClaimModel = Model<DeliveryClaimFields>;

const deliveryClaimSchema = new Schema<DeliveryClaimFields>(
  {
    _id: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { collection: 'delivery_claims', versionKey: false, id: false },
);
deliveryClaimSchema.plugin(tenantScoped);

export function defineDeliveryClaimModel(connection: Connection): DeliveryClaimModel {
  return connection.model<DeliveryClaimFields>('DeliveryClaim', deliveryClaimSchema);
}
