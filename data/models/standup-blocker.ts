import { Schema, type Connection, type Model } from 'mongoose';
import type { StandupBlocker } from '../../handlers/standup/blocker-types.ts';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * A blocker a standup member reported (`standup_blockers`). `_id` is `<tenant>|<standup>|<date>|<tool:handle>|<text
 * hash>`, so an edited answer that keeps a line keeps its blocker. One-time steps (a nudge a day, the
 * escalation, a carry-over a day) are claims in `delivery_claims`, not fields here.
 */
export type StandupBlockerFields = Omit<StandupBlocker, 'id'> & { _id: string; purgedAt?: Date | null };

const account = { tool: { type: String, required: true }, handle: { type: String, required: true } };

const standupBlockerSchema = new Schema<StandupBlockerFields>(
  {
    _id: { type: String, required: true },
    standupId: { type: String, required: true },
    member: { type: account, required: true, _id: false },
    memberName: String,
    owner: { type: account, required: true, _id: false },
    date: { type: String, required: true },
    openedAt: { type: Date, required: true },
    text: { type: String, default: null },
    items: { type: Schema.Types.Mixed, default: [] },
    unblockers: {
      type: [{ account: { type: account, _id: false }, role: String, _id: false }],
      default: [],
    },
    status: { type: String, required: true, default: 'open' },
    closedAt: { type: Date, default: null },
    closedBy: { type: String, default: null },
    nudges: { type: [{ target: String, date: String, _id: false }], default: [] },
    escalatedAt: { type: Date, default: null },
    carriedCount: { type: Number, default: 0 },
    purgedAt: { type: Date, default: null },
  },
  { collection: 'standup_blockers', versionKey: false, id: false },
);
standupBlockerSchema.plugin(tenantScoped);
standupBlockerSchema.index({ tenantId: 1, status: 1 });
standupBlockerSchema.index({ tenantId: 1, standupId: 1, 'member.handle': 1 });

export type StandupBlockerModel = Model<StandupBlockerFields>;

export function defineStandupBlockerModel(connection: Connection): StandupBlockerModel {
  return connection.model<StandupBlockerFields>('StandupBlocker', standupBlockerSchema);
}
