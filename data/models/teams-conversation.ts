import { Schema, type Connection, type Model } from 'mongoose';
import { upsertRetryingRace } from '../db/duplicate-key.ts';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * Where the bot can reach people in Teams without being spoken to first: one conversation reference (the
 * Bot Framework's `ConversationReference`: serviceUrl, conversation, bot, user) per conversation, kept fresh
 * from every activity the bot receives. A personal chat also records whose it is, by AAD object id.
 */
export interface TeamsConversationFields {
  tenantId: string;
  conversationId: string;
  conversationType: string;
  /** For a personal chat: the user's AAD object id, lower-cased (as `teams:<id>` policy ids compare). */
  aadObjectId?: string | null;
  /** For a personal chat: the user's Teams id (`29:…`), the MRI a card's refresh lists. */
  teamsUserId?: string | null;
  reference: Record<string, unknown>;
  updatedAt: Date;
}

export interface TeamsConversationModel extends Model<TeamsConversationFields> {
  /** Creates or refreshes the reference of one conversation; safe to call concurrently. */
  remember(fields: Omit<TeamsConversationFields, 'updatedAt'>): Promise<void>;
}

const teamsConversationSchema = new Schema<TeamsConversationFields, TeamsConversationModel>(
  {
    conversationId: { type: String, required: true },
    conversationType: { type: String, required: true },
    aadObjectId: { type: String, default: null },
    teamsUserId: { type: String, default: null },
    reference: { type: Schema.Types.Mixed, required: true },
    updatedAt: { type: Date, required: true },
  },
  {
    collection: 'teams_conversations',
    versionKey: false,
    statics: {
      async remember(fields: Omit<TeamsConversationFields, 'updatedAt'>) {
        // Two first activities at once race to create it.
        await upsertRetryingRace(() =>
          this.updateOne(
            { tenantId: fields.tenantId, conversationId: fields.conversationId },
            { $set: { ...fields, updatedAt: new Date() } },
            { upsert: true },
          ),
        );
      },
    },
  },
);
teamsConversationSchema.plugin(tenantScoped);
teamsConversationSchema.index({ tenantId: 1, conversationId: 1 }, { unique: true });
teamsConversationSchema.index({ tenantId: 1, aadObjectId: 1 });

export function defineTeamsConversationModel(connection: Connection): TeamsConversationModel {
  return connection.model<TeamsConversationFields, TeamsConversationModel>(
    'TeamsConversation',
    teamsConversationSchema,
  );
}
