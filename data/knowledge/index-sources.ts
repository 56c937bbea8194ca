import { upsertRetryingRace } from '../db/duplicate-key.ts';
import { chunkDocument, chunkSearchText } from '../../handlers/ask/chunk-document.ts';
import { maskSecrets } from '../../handlers/policy/redact-pii.ts';
import type { KnowledgeChunkFields, KnowledgeChunkModel } from '../models/knowledge-chunk.ts';
import type { KnowledgeDocumentModel } from '../models/knowledge-document.ts';
import type { KnowledgeRevisionModel } from '../models/knowledge-revision.ts';
import type { VectorStore } from './chroma-store.ts';
import { EmbeddingRefusedError, type Embedder } from './embedder.ts';
import { digest } from './local-embedder.ts';
import type { DocumentSource, SourceEntry } from './sources/types.ts';

export interface IndexProgress {
  source: string;
  done: number;
  total: number;
}

export interface IndexSummary {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  chunks: number;
  /** Sources that could not be listed: their documents are left as they were, never dropped. */
  failedSources: { source: string; error: string }[];
  /** Set when the embedder refused (the tenant's LLM cost cap): the run stopped there; the rest waits. */
  stopped?: string;
}

export interface KnowledgeIndexDeps {
  documents: KnowledgeDocumentModel;
  chunks: KnowledgeChunkModel;
  revisions: KnowledgeRevisionModel;
  store: VectorStore;
  embedder: Embedder;
}

const EMBED_BATCH = 64;

/**
 * Brings one tenant's index in line with its sources: documents whose hash changed are re-chunked and
 * re-embedded (their old chunks removed from Chroma and the database), new ones are added, and ones the
 * source no longer lists leave the index. Unchanged documents cost one hash comparison.
 */
export async function indexSources(
  tenantId: string,
  sources: readonly DocumentSource[],
  deps: KnowledgeIndexDeps,
  onProgress: (progress: IndexProgress) => void = () => undefined,
): Promise<IndexSummary> {
  const summary: IndexSummary = {
    added: 0,
    updated: 0,
    unchanged: 0,
    removed: 0,
    chunks: 0,
    failedSources: [],
  };
  for (const source of sources) {
    let entries: SourceEntry[];
    try {
      entries = await source.list();
    } catch (error) {
      summary.failedSources.push({ source: source.id, error: (error as Error).message });
      continue;
    }
    const known = new Map(
      (await deps.documents.find({ tenantId, source: source.id }).lean()).map((document) => [
        document.path,
        document,
      ]),
    );
    let done = 0;
    onProgress({ source: source.id, done, total: entries.length });
    for (const entry of entries) {
      const existing = known.get(entry.path);
      known.delete(entry.path);
      // A document indexed before secrets were masked (no `secrets`) is indexed again, whatever its hash.
      if (existing?.hash === entry.version && existing.secrets) {
        summary.unchanged += 1;
      } else {
        try {
          summary.chunks += await indexDocument(tenantId, source, entry, existing?.chunkIds ?? [], deps);
        } catch (error) {
          if (!(error instanceof EmbeddingRefusedError)) throw error;
          // Unchanged hashes in the database: the next run picks up where this one stopped.
          summary.stopped = error.message;
          break;
        }
        if (existing) summary.updated += 1;
        else summary.added += 1;
      }
      onProgress({ source: source.id, done: (done += 1), total: entries.length });
    }
    if (summary.stopped) break;
    for (const gone of known.values()) {
      await removeChunks(tenantId, gone.chunkIds, deps);
      await deps.documents.deleteOne({ tenantId, source: source.id, path: gone.path });
      summary.removed += 1;
    }
  }
  if (summary.added + summary.updated + summary.removed > 0) await deps.revisions.bump(tenantId);
  return summary;
}

async function removeChunks(tenantId: string, ids: string[], deps: KnowledgeIndexDeps): Promise<void> {
  if (ids.length === 0) return;
  await deps.store.remove(tenantId, ids);
  await deps.chunks.deleteMany({ tenantId, _id: { $in: ids } });
}

async function indexDocument(
  tenantId: string,
  source: DocumentSource,
  entry: SourceEntry,
  oldChunkIds: string[],
  deps: KnowledgeIndexDeps,
): Promise<number> {
  const document = await source.read(entry);
  // Secrets are never stored, so no answer, citation or digest can show them; line numbers stay right.
  const masked = maskSecrets(document.text);
  const title = maskSecrets(document.title).text;
  const pieces = chunkDocument(masked.text);
  const key = digest(`${source.id}\u0000${entry.path}`, 16);
  const chunks: KnowledgeChunkFields[] = pieces.map((piece, index) => ({
    _id: `${key}-${entry.version.slice(0, 12)}-${index}`,
    tenantId,
    source: source.id,
    path: entry.path,
    title,
    headingPath: piece.headingPath,
    body: piece.body,
    startLine: piece.startLine,
    endLine: piece.endLine,
    url: source.lineUrl(entry.path, piece.startLine, piece.endLine),
    updatedAt: document.updatedAt,
  }));
  const texts = chunks.map((chunk) => chunkSearchText(chunk, chunk.title));
  for (let start = 0; start < chunks.length; start += EMBED_BATCH) {
    const batch = chunks.slice(start, start + EMBED_BATCH);
    const vectors = await deps.embedder.embed(texts.slice(start, start + EMBED_BATCH), tenantId);
    await deps.store.upsert(
      tenantId,
      batch.map((chunk, index) => ({
        id: chunk._id,
        embedding: vectors[index]!,
        text: texts[start + index]!,
        metadata: {
          tenantId,
          source: chunk.source,
          path: chunk.path,
          updatedAt: Math.floor(chunk.updatedAt.getTime() / 1000),
        },
      })),
    );
  }
  const newIds = new Set(chunks.map((chunk) => chunk._id));
  await removeChunks(
    tenantId,
    oldChunkIds.filter((id) => !newIds.has(id)),
    deps,
  );
  // The same ids again: a document indexed again for its secrets (same hash); its old text must not stay.
  const rewritten = oldChunkIds.filter((id) => newIds.has(id));
  if (rewritten.length > 0) await deps.chunks.deleteMany({ tenantId, _id: { $in: rewritten } });
  if (chunks.length > 0) {
    // Chunk ids carry the content version, so they are new; a run cut short may have stored some already.
    await deps.chunks
      .insertMany(chunks, { ordered: false })
      .catch((error: { code?: number; writeErrors?: { code?: number }[] }) => {
        const duplicatesOnly =
          error.code === 11000 || error.writeErrors?.every((write) => write.code === 11000);
        if (!duplicatesOnly) throw error;
      });
  }
  await upsertRetryingRace(() =>
    deps.documents.updateOne(
      { tenantId, source: source.id, path: entry.path },
      {
        $set: {
          title,
          hash: entry.version,
          chunkIds: chunks.map((chunk) => chunk._id),
          owners: document.owners,
          authors: document.authors.slice(0, 10),
          secrets: masked.secretLines.map((line) => ({ line, url: source.lineUrl(entry.path, line, line) })),
          updatedAt: document.updatedAt,
          indexedAt: new Date(),
        },
      },
      { upsert: true },
    ),
  );
  return chunks.length;
}
