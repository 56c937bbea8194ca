import { setTimeout as delay } from 'node:timers/promises';
import { buildBm25Index, type Bm25Index } from '../../handlers/ask/bm25.ts';
import { chunkSearchText } from '../../handlers/ask/chunk-document.ts';
import { fuseRankings, type WeightedRanking } from '../../handlers/ask/fuse-rankings.ts';
import type { KnowledgeSearch, Passage, SearchFilter } from '../../handlers/ask/types.ts';
import { tenantCollection } from '../db/tenant-collection.ts';
import type { KnowledgeChunkFields, KnowledgeChunkModel } from '../models/knowledge-chunk.ts';
import type { KnowledgeRevisionModel } from '../models/knowledge-revision.ts';
import type { VectorStore } from './chroma-store.ts';
import { EmbeddingRefusedError, isLocalEmbedder, type Embedder } from './embedder.ts';

/** How many candidates each ranking contributes before fusion. */
const CANDIDATES = 30;

/**
 * How much the dense ranking counts in the fusion, BM25 counting 1. A trained model (OpenAI) is an equal
 * partner. The local embedding only matches shared vocabulary, as BM25 does but worse, so it only breaks near
 * ties and fills in candidates BM25 missed: on the Perl FAQ benchmark every weight above 0.05 lost recall@5
 * against BM25 alone, and an equal weight lost 7 points (README "Doc answers", bench/ask-retrieval.bench.ts).
 */
export const DENSE_WEIGHT = { model: 1, local: 0.02 } as const;

export function denseWeightFor(embedder: Pick<Embedder, 'id'>): number {
  return isLocalEmbedder(embedder) ? DENSE_WEIGHT.local : DENSE_WEIGHT.model;
}

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
  /** Overrides `denseWeightFor(embedder)` (the benchmark compares weights). */
  denseWeight?: number;
  /** Overrides COLD_WAIT_MS (tests). */
  coldWaitMs?: number;
}

function accepts(passage: Passage | undefined, filter: SearchFilter | undefined): passage is Passage {
  if (!passage) return false;
  if (!filter) return true;
  if (filter.source && passage.source !== filter.source) return false;
  if (filter.pathPrefix && !passage.path.startsWith(filter.pathPrefix)) return false;
  if (filter.updatedSince && passage.updatedAt < filter.updatedSince) return false;
  return true;
}

/** How long a hybrid or dense search waits for a BM25 index that is still being built before going without. */
const COLD_WAIT_MS = 1_000;

/** The promise's value if it settles within `ms`, else undefined (it keeps running). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([promise, delay(ms, undefined, { ref: false })]);
}

function passageOf(chunk: KnowledgeChunkFields): Passage {
  return {
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
  };
}

/**
 * Hybrid retrieval for one tenant: dense neighbours from the tenant's Chroma collection and BM25 over the
 * same chunks' text, fused by weighted reciprocal rank. When the embedder refuses (the tenant's LLM cost cap)
 * or fails, the search is lexical only and `onNote` says so.
 *
 * The BM25 index is built in memory from the tenant's chunks and rebuilt when the tenant's knowledge revision
 * moves, so any process (server, CLI, job) that re-indexes invalidates it. A build reads every chunk (about
 * 10 s at 56k chunks on FerretDB), so a hybrid or dense search does not wait for one beyond `COLD_WAIT_MS`:
 * until it is ready (after a restart or a re-index), searches are dense only, their passages read by `_id`
 * (on FerretDB those reads queue behind the build's: about 8 s at 56k chunks, README "Doc answers").
 * `warm` builds ahead of the first question (the reindex job calls it).
 */
export function createHybridRetriever(
  deps: HybridRetrieverDeps,
): KnowledgeSearch & { warm(tenantId: string): Promise<void> } {
  const lexical = new Map<string, { signature: string; state: Promise<LexicalState> }>();
  const denseWeight = deps.denseWeight ?? denseWeightFor(deps.embedder);
  const coldWaitMs = deps.coldWaitMs ?? COLD_WAIT_MS;
  const chunks = tenantCollection(deps.chunks);

  async function signatureOf(tenantId: string): Promise<string> {
    return String(await deps.revisions.current(tenantId));
  }

  async function build(tenantId: string, signature: string): Promise<LexicalState> {
    const passages = new Map<string, Passage>();
    for await (const chunk of deps.chunks.find({ tenantId }).lean().cursor({ batchSize: 2000 })) {
      passages.set(chunk._id, passageOf(chunk));
    }
    const index = buildBm25Index(
      [...passages.values()].map((passage) => ({
        id: passage.id,
        text: chunkSearchText(passage, passage.title),
      })),
    );
    return { signature, index, passages };
  }

  /** The index of this revision: the one built or being built, else a new build shared by every caller. */
  function lexicalFor(tenantId: string, signature: string): Promise<LexicalState> {
    const cached = lexical.get(tenantId);
    if (cached?.signature === signature) return cached.state;
    const state = build(tenantId, signature);
    lexical.set(tenantId, { signature, state });
    state.catch(() => {
      if (lexical.get(tenantId)?.state === state) lexical.delete(tenantId);
    });
    return state;
  }

  /**
   * One chunk by `_id` alone, the one filter FerretDB v1 answers from its index (with `tenantId` beside it, it
   * scans every chunk: 30 such reads took 86 s at 56k chunks). tenantCollection checks the tenant on the document.
   */
  async function chunkById(tenantId: string, id: string): Promise<Passage | undefined> {
    const chunk = await chunks.findById(tenantId, id);
    return chunk ? passageOf(chunk) : undefined;
  }

  async function denseRanking(
    tenantId: string,
    query: string,
    filter: SearchFilter | undefined,
    state: LexicalState | undefined,
  ): Promise<Passage[]> {
    const [embedding] = await deps.embedder.embed([query], tenantId);
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
    const passages = state
      ? hits.map((hit) => state.passages.get(hit.id))
      : await Promise.all(hits.map((hit) => chunkById(tenantId, hit.id)));
    return passages.filter((passage) => accepts(passage, filter)).slice(0, CANDIDATES);
  }

  return {
    async warm(tenantId) {
      await lexicalFor(tenantId, await signatureOf(tenantId));
    },
    async search(tenantId, query, { limit, filter, mode = 'hybrid', onNote }) {
      const building = lexicalFor(tenantId, await signatureOf(tenantId));
      let state = mode === 'lexical' ? await building : await within(building, coldWaitMs);
      const found = new Map<string, Passage>();
      const rankings: WeightedRanking[] = [];
      if (mode !== 'lexical') {
        const dense = await denseRanking(tenantId, query, filter, state).catch((error: unknown) => {
          if (mode === 'dense') throw error;
          onNote?.(
            error instanceof EmbeddingRefusedError
              ? `${error.message} This search matched keywords only.`
              : 'Semantic search is unavailable just now, so this search matched keywords only.',
          );
          return undefined;
        });
        if (dense) {
          for (const passage of dense) found.set(passage.id, passage);
          rankings.push({ ids: dense.map((passage) => passage.id), weight: denseWeight });
        } else state ??= await building;
      }
      if (mode !== 'dense' && state) {
        const { index, passages } = state;
        const hits = index.search(query, CANDIDATES, (id) => accepts(passages.get(id), filter));
        rankings.push({ ids: hits.map((hit) => hit.id), weight: 1 });
      }
      return fuseRankings(rankings)
        .map(({ id }) => found.get(id) ?? state?.passages.get(id))
        .filter((passage): passage is Passage => passage !== undefined)
        .slice(0, limit);
    },
  };
}
