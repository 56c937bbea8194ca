import { buildBm25Index, type Bm25Index } from '../../handlers/ask/bm25.ts';
import { chunkSearchText } from '../../handlers/ask/chunk-document.ts';
import { fuseRankings } from '../../handlers/ask/fuse-rankings.ts';
import type { KnowledgeSearch, Passage, SearchFilter } from '../../handlers/ask/types.ts';
import type { KnowledgeChunkModel } from '../models/knowledge-chunk.ts';
import type { KnowledgeRevisionModel } from '../models/knowledge-revision.ts';
import type { VectorStore } from './chroma-store.ts';
import type { Embedder } from './embedder.ts';

/** How many candidates each ranking contributes before fusion. */
const CANDIDATES = 30;

interface LexicalState {
  signature: string;
  index: Bm25Index;
  passages: Map<string, Passage>;
}

export interface HybridRetrieverDeps {
  chunks: KnowledgeChunkModel;
  revisions: KnowledgeRevisionModel;
  store: VectorStore;
  embedder: Embedder;
}

function accepts(passage: Passage | undefined, filter: SearchFilter | undefined): passage is Passage {
  if (!passage) return false;
  if (!filter) return true;
  if (filter.source && passage.source !== filter.source) return false;
  if (filter.pathPrefix && !passage.path.startsWith(filter.pathPrefix)) return false;
  if (filter.updatedSince && passage.updatedAt < filter.updatedSince) return false;
  return true;
}

/**
 * Hybrid retrieval for one tenant: dense neighbours from the tenant's Chroma collection and BM25 over the
 * same chunks' text, fused by reciprocal rank. The BM25 index is built in memory from the tenant's chunks
 * and rebuilt when the tenant's knowledge revision moves, so any process (server, CLI, job) that
 * re-indexes invalidates it.
 */
export function createHybridRetriever(
  deps: HybridRetrieverDeps,
): KnowledgeSearch & { warm(tenantId: string): Promise<void> } {
  const lexical = new Map<string, Promise<LexicalState>>();

  async function signatureOf(tenantId: string): Promise<string> {
    return String(await deps.revisions.current(tenantId));
  }

  async function build(tenantId: string, signature: string): Promise<LexicalState> {
    const passages = new Map<string, Passage>();
    for await (const chunk of deps.chunks.find({ tenantId }).lean().cursor({ batchSize: 2000 })) {
      passages.set(chunk._id, {
        id: chunk._id,
        source: chunk.source,
        path: chunk.path,
        title: chunk.title,
        headingPath: chunk.headingPath,
        body: chunk.body,
        startLine: chunk.startLine,
        endLine: chunk.endLine,
        url: chunk.url,
        updatedAt: chunk.updatedAt,
      });
    }
    const index = buildBm25Index(
      [...passages.values()].map((passage) => ({
        id: passage.id,
        text: chunkSearchText(passage, passage.title),
      })),
    );
    return { signature, index, passages };
  }

  async function lexicalFor(tenantId: string): Promise<LexicalState> {
    const signature = await signatureOf(tenantId);
    const cached = lexical.get(tenantId);
    if (cached) {
      const state = await cached.catch(() => undefined);
      if (state?.signature === signature) return state;
    }
    const building = build(tenantId, signature);
    lexical.set(tenantId, building);
    building.catch(() => lexical.delete(tenantId));
    return building;
  }

  return {
    async warm(tenantId) {
      await lexicalFor(tenantId);
    },
    async search(tenantId, query, { limit, filter, mode = 'hybrid' }) {
      const state = await lexicalFor(tenantId);
      const rankings: string[][] = [];
      if (mode !== 'lexical') {
        const [embedding] = await deps.embedder.embed([query]);
        // Chroma filters source and freshness itself; a path prefix is checked here, so fetch more.
        const hits = await deps.store.query(
          tenantId,
          embedding!,
          filter?.pathPrefix ? CANDIDATES * 4 : CANDIDATES,
          {
            source: filter?.source,
            updatedSince: filter?.updatedSince,
          },
        );
        rankings.push(
          hits
            .map((hit) => hit.id)
            .filter((id) => accepts(state.passages.get(id), filter))
            .slice(0, CANDIDATES),
        );
      }
      if (mode !== 'dense') {
        const hits = state.index.search(query, CANDIDATES, (id) => accepts(state.passages.get(id), filter));
        rankings.push(hits.map((hit) => hit.id));
      }
      return fuseRankings(rankings)
        .map(({ id }) => state.passages.get(id))
        .filter((passage): passage is Passage => passage !== undefined)
        .slice(0, limit);
    },
  };
}
