import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/** One indexed source file or page: what was indexed (its hash) and which chunks it became. */
export interface KnowledgeDocumentFields {
  tenantId: string;
  /** The source it came from, e.g. `folder:/srv/docs`, `github:acme/api`, `confluence:ENG`. */
  source: string;
  path: string;
  title: string;
  /** Content hash (or the git blob sha): unchanged hash, nothing to re-index. */
  hash: string;
  chunkIds: string[];
  /** Code owners (CODEOWNERS entries, e.g. `@acme/platform`) and frequent or last authors, most frequent first. */
  owners: string[];
  authors: string[];
  /**
   * Where indexing found secret-looking text (masked in the chunks and Chroma), for `docs report` and the
   * owner's digest. Absent on documents indexed before secrets were masked: they are indexed again.
   */
  secrets?: { line: number; url: string }[];
  /** When the content last changed at the source (commit date, page version, file mtime). */
  updatedAt: Date;
  indexedAt: Date;
}

const knowledgeDocumentSchema = new Schema<KnowledgeDocumentFields>(
  {
    source: { type: String, required: true },
    path: { type: String, required: true },
    title: { type: String, required: true },
    hash: { type: String, required: true },
    chunkIds: { type: [String], default: [] },
    owners: { type: [String], default: [] },
    authors: { type: [String], default: [] },
    secrets: { type: [{ _id: false, line: Number, url: String }], default: undefined },
    updatedAt: { type: Date, required: true },
    indexedAt: { type: Date, required: true },
  },
  { collection: 'knowledge_documents', timestamps: false },
);
knowledgeDocumentSchema.plugin(tenantScoped);
knowledgeDocumentSchema.index({ tenantId: 1, source: 1, path: 1 }, { unique: true });
knowledgeDocumentSchema.index({ tenantId: 1, indexedAt: -1 });

export type KnowledgeDocumentModel = Model<KnowledgeDocumentFields>;

export function defineKnowledgeDocumentModel(connection: Connection): KnowledgeDocumentModel {
  return connection.model<KnowledgeDocumentFields>('KnowledgeDocument', knowledgeDocumentSchema);
}
