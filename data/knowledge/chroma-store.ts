import { ChromaClient, type Collection, type Where } from 'chromadb';
import { digest } from './local-embedder.ts';

/** What Chroma keeps beside each vector; filters (source, freshness) run on these inside Chroma. */
export interface VectorMetadata {
  tenantId: string;
  source: string;
  path: string;
  /** Seconds since the epoch, so `$gte` filters work (Chroma compares numbers, not dates). */
  updatedAt: number;
}

export interface VectorRecord {
  id: string;
  embedding: number[];
  text: string;
  metadata: VectorMetadata;
}

export interface VectorFilter {
  source?: string;
  updatedSince?: Date;
}

export interface VectorHit {
  id: string;
  /** Cosine similarity, from 1 (same direction) down. */
  similarity: number;
  path: string;
}

/** One Chroma collection per tenant and embedding model; every call names the tenant. */
export interface VectorStore {
  upsert(tenantId: string, records: VectorRecord[]): Promise<void>;
  remove(tenantId: string, ids: string[]): Promise<void>;
  query(tenantId: string, embedding: number[], limit: number, filter?: VectorFilter): Promise<VectorHit[]>;
  count(tenantId: string): Promise<number>;
}

/**
 * Collection names allow [a-zA-Z0-9._-], 3 to 512 characters; tenant ids allow anything, so the name carries
 * a digest of the tenant id (never the id itself) and the embedding model, whose vectors must not mix.
 */
export function collectionNameFor(tenantId: string, embedderId: string): string {
  return `em-${digest(tenantId, 20)}-${embedderId.replace(/[^A-Za-z0-9._-]+/g, '-')}`.slice(0, 120);
}

/**
 * Chroma's metadata filters cost a scan of the collection's metadata (about 8× the query time at 20k vectors),
 * so only real filters go to Chroma. Tenant isolation does not depend on one: each tenant has its own
 * collection, and every hit's `tenantId` is checked again below.
 */
function whereFor(filter: VectorFilter = {}): Where | undefined {
  const clauses: Where[] = [];
  if (filter.source) clauses.push({ source: filter.source });
  if (filter.updatedSince) {
    clauses.push({ updatedAt: { $gte: Math.floor(filter.updatedSince.getTime() / 1000) } });
  }
  return clauses.length === 0 ? undefined : clauses.length === 1 ? clauses[0] : { $and: clauses };
}

const UPSERT_BATCH = 500;

export function createChromaStore(chromaUrl: string, embedderId: string): VectorStore {
  const url = new URL(chromaUrl);
  const client = new ChromaClient({
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    ssl: url.protocol === 'https:',
  });
  const collections = new Map<string, Promise<Collection>>();
  const collectionOf = (tenantId: string) => {
    let collection = collections.get(tenantId);
    if (!collection) {
      collection = client.getOrCreateCollection({
        name: collectionNameFor(tenantId, embedderId),
        metadata: { embedder: embedderId },
        configuration: { hnsw: { space: 'cosine' } },
        // We always send our own vectors; no embedding function on the Chroma side.
        embeddingFunction: null,
      });
      // A failed lookup (Chroma down) is retried on the next call instead of being remembered.
      collection.catch(() => collections.delete(tenantId));
      collections.set(tenantId, collection);
    }
    return collection;
  };

  return {
    async upsert(tenantId, records) {
      const collection = await collectionOf(tenantId);
      for (let start = 0; start < records.length; start += UPSERT_BATCH) {
        const batch = records.slice(start, start + UPSERT_BATCH);
        for (const record of batch) {
          if (record.metadata.tenantId !== tenantId) throw new Error('a vector record names another tenant');
        }
        await collection.upsert({
          ids: batch.map((record) => record.id),
          embeddings: batch.map((record) => record.embedding),
          documents: batch.map((record) => record.text),
          metadatas: batch.map((record) => ({ ...record.metadata })),
        });
      }
    },
    async remove(tenantId, ids) {
      if (ids.length === 0) return;
      const collection = await collectionOf(tenantId);
      for (let start = 0; start < ids.length; start += UPSERT_BATCH) {
        await collection.delete({ ids: ids.slice(start, start + UPSERT_BATCH), where: { tenantId } });
      }
    },
    async query(tenantId, embedding, limit, filter) {
      const collection = await collectionOf(tenantId);
      const where = whereFor(filter);
      const result = await collection.query({
        queryEmbeddings: [embedding],
        nResults: limit,
        ...(where ? { where } : {}),
        include: ['distances', 'metadatas'],
      });
      const ids = result.ids[0] ?? [];
      return ids
        .map((id, index) => ({ id, index, metadata: result.metadatas[0]?.[index] }))
        .filter(({ metadata }) => metadata?.tenantId === tenantId)
        .map(({ id, index, metadata }) => ({
          id,
          similarity: 1 - (result.distances[0]?.[index] ?? 1),
          path: String(metadata?.path ?? ''),
        }));
    },
    async count(tenantId) {
      return (await collectionOf(tenantId)).count();
    },
  };
}
