import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * A chunk's text and citation, beside its vector in Chroma: the lexical (BM25) index is built from these,
 * and answers quote and link them.
 */
export interface KnowledgeChunkFields {
  _id: string;
  tenantId: string;
  source: string;
  path: string;
  title: string;
  headingPath: string[];
  body: string;
  startLine: number;
  endLine: number;
  url: string;
  updatedAt: Date;
}

const knowledgeChunkSchema = new Schema<KnowledgeChunkFields>(
  {
    _id: { type: String, required: true },
    source: { type: String, required: true },
    path: { type: String, required: true },
    title: { type: String, required: true },
    headingPath: { type: [String], default: [] },
    body: { type: String, required: true },
    startLine: { type: Number, required: true },
    endLine: { type: Number, required: true },
    url: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'knowledge_chunks' },
);
knowledgeChunkSchema.plugin(tenantScoped);
knowledgeChunkSchema.index({ tenantId: 1, source: 1, path: 1 });

export type KnowledgeChunkModel = Model<KnowledgeChunkFields>;

export function defineKnowledgeChunkModel(connection: Connection): KnowledgeChunkModel {
  return connection.model<KnowledgeChunkFields>('KnowledgeChunk', knowledgeChunkSchema);
}
