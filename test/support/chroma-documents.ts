import { ChromaClient } from 'chromadb';
import { collectionNameFor } from '../../data/knowledge/chroma-store.ts';

/** Every document text stored in a tenant's Chroma collection (the store itself never reads them back). */
export async function chromaDocuments(
  chromaUrl: string,
  tenantId: string,
  embedderId: string,
): Promise<string[]> {
  const url = new URL(chromaUrl);
  const client = new ChromaClient({ host: url.hostname, port: Number(url.port), ssl: false });
  const collection = await client.getCollection({
    name: collectionNameFor(tenantId, embedderId),
  });
  const stored = await collection.get({ include: ['documents'] });
  return stored.documents.filter((text): text is string => text !== null);
}
