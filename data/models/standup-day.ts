import { Schema, type Connection, type Model } from 'mongoose';
import { upsertRetryingRace } from '../db/duplicate-key.ts';
import type { StandupDayCounter } from '../../handlers/standup/blocker-types.ts';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * One standup day's counts (`standup_days`), `_id` `<tenant>|<standup>|<date>`: what `/standup stats` reads, kept
 * when the answers are purged. Written only by `$inc` upserts (countStandupDay), so concurrent writers add up.
 */
export type StandupDayFields = { _id: string; tenantId: string; standupId: string; date: string } & Record<
  StandupDayCounter,
  number
>;

const counter = { type: Number, default: 0 };

const standupDaySchema = new Schema<StandupDayFields>(
  {
    _id: { type: String, required: true },
    standupId: { type: String, required: true },
    date: { type: String, required: true },
    prompted: counter,
    answered: counter,
    away: counter,
    blockersOpened: counter,
    blockersClosed: counter,
    blockersCarried: counter,
  },
  { collection: 'standup_days', versionKey: false, id: false },
);
standupDaySchema.plugin(tenantScoped);

export type StandupDayModel = Model<StandupDayFields>;

export function defineStandupDayModel(connection: Connection): StandupDayModel {
  return connection.model<StandupDayFields>('StandupDay', standupDaySchema);
}

export const standupDayId = (tenantId: string, standupId: string, date: string): string =>
  `${tenantId}|${standupId}|${date}`;

/** Adds to a standup day's counters, creating the day at zero first. Zero increments write nothing. */
export async function countStandupDay(
  model: StandupDayModel,
  tenantId: string,
  standupId: string,
  date: string,
  increments: Partial<Record<StandupDayCounter, number>>,
): Promise<void> {
  const $inc = Object.fromEntries(Object.entries(increments).filter(([, value]) => value));
  if (Object.keys($inc).length === 0) return;
  const filter = { tenantId, _id: standupDayId(tenantId, standupId, date) };
  const update = { $inc, $setOnInsert: { standupId, date } };
  // Two first writers of a day race to create it.
  await upsertRetryingRace(() => model.updateOne(filter, update, { upsert: true }));
}
