import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * A team's triage digest of one local date (`triage_digests`, `_id` `<tenant>|<standupId>|<date>`): inserted once
 * by whichever tick decides that day (post or stay quiet), then holding the message's ref and the morning's
 * items so later ticks edit the same message as items are resolved.
 */
export interface TriageDigestFields {
  _id: string;
  tenantId: string;
  standupId: string;
  date: string;
  state: 'claimed' | 'quiet' | 'posted';
  ref?: Record<string, string> | null;
  /** The morning's items (handlers/triage DigestItem), as posted. */
  items: unknown;
  shown: string;
  claimedAt: Date;
  updatedAt: Date;
}

const triageDigestSchema = new Schema<TriageDigestFields>(
  {
    _id: { type: String, required: true },
    standupId: { type: String, required: true },
    date: { type: String, required: true },
    state: { type: String, required: true },
    ref: { type: Schema.Types.Mixed, default: null },
    items: { type: Schema.Types.Mixed, default: [] },
    shown: { type: String, default: '' },
    claimedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'triage_digests', versionKey: false, id: false, minimize: false },
);
triageDigestSchema.plugin(tenantScoped);

export type TriageDigestModel = Model<TriageDigestFields>;

export function defineTriageDigestModel(connection: Connection): TriageDigestModel {
  return connection.model<TriageDigestFields>('TriageDigest', triageDigestSchema);
}
