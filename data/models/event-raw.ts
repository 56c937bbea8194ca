import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';
import type { SourceName } from '../sources/types.ts';

export interface EventRawFields {
  tenantId: string;
  source: SourceName;
  /** The provider's delivery id (GitHub X-GitHub-Delivery, PagerDuty event id, Jira webhook identifier). */
  deliveryId: string;
  eventType: string;
  action?: string;
  /** The headers worth keeping (event, delivery, hook ids, user agent); never the signature or secret. */
  headers: Record<string, string>;
  /** The body exactly as received, so normalization can be replayed from it. */
  body: string;
  verification: { verified: boolean; method: string };
  receivedAt: Date;
}

export type EventRawModel = Model<EventRawFields>;

const eventRawSchema = new Schema<EventRawFields, EventRawModel>(
  {
    source: { type: String, enum: ['github', 'jira', 'pagerduty'], required: true },
    deliveryId: { type: String, required: true },
    eventType: { type: String, required: true },
    action: { type: String },
    headers: { type: Schema.Types.Mixed, required: true },
    body: { type: String, required: true },
    verification: { verified: { type: Boolean, required: true }, method: { type: String, required: true } },
    receivedAt: { type: Date, required: true },
  },
  { collection: 'events_raw', versionKey: false },
);
eventRawSchema.plugin(tenantScoped);
// The dedupe guarantee: a delivery is stored once per tenant and source, whatever the number of retries.
eventRawSchema.index({ tenantId: 1, source: 1, deliveryId: 1 }, { unique: true });
// The retention sweep (the normalizer's queue is events_pending).
eventRawSchema.index({ tenantId: 1, receivedAt: 1 });

export function defineEventRawModel(connection: Connection): EventRawModel {
  return connection.model<EventRawFields, EventRawModel>('EventRaw', eventRawSchema);
}
