import { Schema, type Connection, type HydratedDocument, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/** One `audit_events` document. `_id` is the event id (a UUID, or the caller's idempotency key). */
export interface AuditEventFields {
  _id: string;
  tenantId: string;
  seq: number;
  ts: Date;
  subject: string;
  verb: string;
  actor: string;
  outcome: string;
  correlation_id: string | null;
  /** Plain JSON (a JsonValue); typed loosely because mongoose cannot expand a recursive type. */
  payload: unknown;
  payloadDigest: string;
  prevHash: string;
  hash: string;
}

export type AuditEventModel = Model<AuditEventFields>;

/** Raised by any attempt to change or remove a ledger entry through the model. */
export class AppendOnlyError extends Error {
  override name = 'AppendOnlyError';
}

/** Every model operation that could change or remove a stored document. */
const CHANGING_QUERIES = [
  'deleteMany',
  'deleteOne',
  'findOneAndDelete',
  'findOneAndReplace',
  'findOneAndUpdate',
  'replaceOne',
  'updateMany',
  'updateOne',
] as const;

const text = { type: String, required: true } as const;

const auditEventSchema = new Schema<AuditEventFields>(
  {
    _id: text,
    seq: { type: Number, required: true },
    ts: { type: Date, required: true },
    subject: text,
    verb: text,
    actor: text,
    outcome: text,
    correlation_id: { type: String, default: null },
    // Stored as given (already plain JSON); `minimize: false` keeps empty objects, which the digest covers.
    payload: { type: Schema.Types.Mixed },
    payloadDigest: text,
    prevHash: text,
    hash: text,
  },
  { collection: 'audit_events', versionKey: false, minimize: false, strict: 'throw', id: false },
);
auditEventSchema.plugin(tenantScoped);
auditEventSchema.index({ tenantId: 1, seq: 1 }, { unique: true });
auditEventSchema.index({ tenantId: 1, ts: 1 });

// Append-only: the model refuses every update and delete, as queries and on documents. (This guards the code;
// a database user limited to find and insert on audit_events guards the data.)
for (const operation of CHANGING_QUERIES) {
  auditEventSchema.pre(operation, { document: true, query: true }, function () {
    throw new AppendOnlyError(`audit_events is append-only: ${operation} is not allowed`);
  });
}
auditEventSchema.pre('save', function (this: HydratedDocument<AuditEventFields>) {
  if (!this.isNew)
    throw new AppendOnlyError('audit_events is append-only: a stored entry cannot be saved again');
});
auditEventSchema.pre('bulkWrite', function (operations: Record<string, unknown>[]) {
  for (const operation of operations) {
    if (!('insertOne' in operation))
      throw new AppendOnlyError('audit_events is append-only: bulkWrite may only insert');
  }
});

export function defineAuditEventModel(connection: Connection): AuditEventModel {
  return connection.model<AuditEventFields>('AuditEvent', auditEventSchema);
}
