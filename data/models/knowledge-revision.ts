import { Schema, type Connection, type Model } from 'mongoose';
import { upsertRetryingRace } from '../db/duplicate-key.ts';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * A counter per tenant, bumped by every re-index that changed something: the in-memory BM25 index is
 * rebuilt when it moves, whichever process re-indexed. One tiny document, so checking it costs one lookup.
 */
export interface KnowledgeRevisionFields {
  tenantId: string;
  revision: number;
}

export interface KnowledgeRevisionModel extends Model<KnowledgeRevisionFields> {
  bump(tenantId: string): Promise<void>;
  current(tenantId: string): Promise<number>;
}

const knowledgeRevisionSchema = new Schema<KnowledgeRevisionFields, KnowledgeRevisionModel>(
  { revision: { type: Number, default: 0 } },
  {
    collection: 'knowledge_revisions',
    statics: {
      async bump(tenantId: string) {
        await upsertRetryingRace(() =>
          this.updateOne({ tenantId }, { $inc: { revision: 1 } }, { upsert: true }),
        );
      },
      async current(tenantId: string) {
        return (await this.findOne({ tenantId }).lean())?.revision ?? 0;
      },
    },
  },
);
knowledgeRevisionSchema.plugin(tenantScoped);
knowledgeRevisionSchema.index({ tenantId: 1 }, { unique: true });

export function defineKnowledgeRevisionModel(connection: Connection): KnowledgeRevisionModel {
  return connection.model<KnowledgeRevisionFields, KnowledgeRevisionModel>(
    'KnowledgeRevision',
    knowledgeRevisionSchema,
  );
}
