import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * A person's PR notification choice (`notify_settings`, `_id` `<tenant>|<personId>`): off unless they opted in,
 * sent to the chat account that typed `notify on`, at most `dailyBudget` messages a local day.
 */
export interface NotifySettingsFields {
  _id: string;
  tenantId: string;
  personId: string;
  enabled: boolean;
  dailyBudget: number;
  account: { tool: 'slack' | 'teams'; handle: string };
  updatedAt: Date;
}

const notifySettingsSchema = new Schema<NotifySettingsFields>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    enabled: { type: Boolean, required: true },
    dailyBudget: { type: Number, required: true },
    account: {
      type: new Schema({ tool: String, handle: String }, { _id: false }),
      required: true,
    },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'notify_settings', versionKey: false, id: false },
);
notifySettingsSchema.plugin(tenantScoped);

export type NotifySettingsModel = Model<NotifySettingsFields>;

export function defineNotifySettingsModel(connection: Connection): NotifySettingsModel {
  return connection.model<NotifySettingsFields>('NotifySettings', notifySettingsSchema);
}
