import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/** One periodic stale-docs report for one owner; `key` (tenant, owner, ISO week) makes a re-run post nothing new. */
export interface StaleDocsDigestFields {
  tenantId: string;
  key: string;
  owner: string;
  items: { source: string; path: string; url: string; reason: string }[];
  createdAt: Date;
  /** Set once sent (to the owner, or to DOCS_DIGEST_CHANNEL); a digest without it is tried again next run. */
  deliveredAt?: Date | null;
  /** The last delivery attempt: where it went (`slack:U…`, `fallback:slack:C…`) or why it could not. */
  delivery?: { status: 'sent' | 'fallback' | 'undelivered'; to?: string; reason?: string; at: Date } | null;
}

const staleDocsDigestSchema = new Schema<StaleDocsDigestFields>(
  {
    key: { type: String, required: true },
    owner: { type: String, required: true },
    items: { type: [{ source: String, path: String, url: String, reason: String, _id: false }], default: [] },
    createdAt: { type: Date, required: true },
    deliveredAt: { type: Date, default: null },
    delivery: {
      type: new Schema({ status: String, to: String, reason: String, at: Date }, { _id: false }),
      default: null,
    },
  },
  { collection: 'stale_docs_digests' },
);
staleDocsDigestSchema.plugin(tenantScoped);
staleDocsDigestSchema.index({ tenantId: 1, key: 1 }, { unique: true });

export type StaleDocsDigestModel = Model<StaleDocsDigestFields>;

export function defineStaleDocsDigestModel(connection: Connection): StaleDocsDigestModel {
  return connection.model<StaleDocsDigestFields>('StaleDocsDigest', staleDocsDigestSchema);
}
