import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * Where a backfill stands, per tenant. Two kinds of document share the collection, both read and written by _id:
 * - a `stream` (one paged listing: `github:acme/api:pulls`, `jira:issues`) holds `position`, the page to fetch
 *   next while a run is under way (null once it completed), and the range it was started for;
 * - a `page` (one fetched URL) holds the ETag it was answered with and where it led (its next page, or that the
 *   listing stops there), written only after that page's facts were applied: a later 304 skips it for free.
 */
export interface BackfillCursorFields {
  _id: string;
  tenantId: string;
  kind: 'stream' | 'page';
  stream?: string;
  /** stream: the next page to fetch (a URL, an offset, a page token); null when the last run completed. */
  position?: string | null;
  /** stream: the range the position belongs to (`since..until`); another range starts over. */
  range?: string;
  completedAt?: Date;
  /** stream: the end of the range the last completed run covered (now, when no --until was given). */
  completedThrough?: Date;
  url?: string;
  etag?: string;
  next?: string | null;
  updatedAt: Date;
}

export type BackfillCursorModel = Model<BackfillCursorFields>;

const backfillCursorSchema = new Schema<BackfillCursorFields, BackfillCursorModel>(
  {
    _id: { type: String },
    kind: { type: String, enum: ['stream', 'page'], required: true },
    stream: String,
    position: { type: String, default: undefined },
    range: String,
    completedAt: Date,
    completedThrough: Date,
    url: String,
    etag: String,
    next: { type: String, default: undefined },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'backfill_cursors', versionKey: false },
);
backfillCursorSchema.plugin(tenantScoped);
backfillCursorSchema.index({ tenantId: 1, kind: 1 });

export function defineBackfillCursorModel(connection: Connection): BackfillCursorModel {
  return connection.model<BackfillCursorFields, BackfillCursorModel>('BackfillCursor', backfillCursorSchema);
}
