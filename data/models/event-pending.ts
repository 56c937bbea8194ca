import type { Types } from 'mongoose';
import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * The normalizer's queue: one small document per stored delivery still to normalize, with the raw event's own
 * `_id`. Kept apart from `events_raw` so the queue's reads and writes never touch the bodies (tens of KB each):
 * on FerretDB, whose only indexed lookup is by `_id`, a queue query there meant reading every stored body.
 * Deleted once the event's facts are written; a failing event stays, marked, for inspection.
 */
export interface EventPendingFields {
  _id: Types.ObjectId;
  tenantId: string;
  receivedAt: Date;
  attempts: number;
  lastError?: string;
  /** Set when the normalizer gave up after repeated failures. */
  failedAt?: Date;
}

export type EventPendingModel = Model<EventPendingFields>;

const eventPendingSchema = new Schema<EventPendingFields, EventPendingModel>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    receivedAt: { type: Date, required: true },
    attempts: { type: Number, required: true, default: 0 },
    lastError: { type: String },
    failedAt: { type: Date },
  },
  { collection: 'events_pending', versionKey: false },
);
eventPendingSchema.plugin(tenantScoped);
eventPendingSchema.index({ tenantId: 1, failedAt: 1, receivedAt: 1 });

export function defineEventPendingModel(connection: Connection): EventPendingModel {
  return connection.model<EventPendingFields, EventPendingModel>('EventPending', eventPendingSchema);
}
