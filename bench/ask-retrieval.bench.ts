/**
 * Doc-answer retrieval quality and speed on a public corpus available offline: Perl's documentation (Debian
 * perl-doc + perl-modules, ~700 documents), questions taken from the perlfaq1–9 headings with their answer
 * section as the expected location. Hybrid retrieval (dense Chroma + BM25, fused by reciprocal rank) against
 * dense-only and lexical-only in the same run, with the local embedding (no model download). Also: index
 * throughput (chunks/s, through chunking, embedding, Chroma and the database) and p95 retrieval latency
 * with 50,000 chunks in the tenant's collection.
 *   npm run bench -- bench/ask-retrieval.bench.ts      (TARGET_CHUNKS, QUERIES adjust the load; SCALE_ONLY=1,
 *   QUALITY_ONLY=1)
 */
import mongoose from 'mongoose';
import { createChromaStore } from '../data/knowledge/chroma-store.ts';
import { createHybridRetriever, denseWeightFor } from '../data/knowledge/hybrid-retriever.ts';
import { indexSources, type KnowledgeIndexDeps } from '../data/knowledge/index-sources.ts';
import { createLocalEmbedder, digest } from '../data/knowledge/local-embedder.ts';
import type { DocumentSource } from '../data/knowledge/sources/types.ts';
import { titleOf } from '../data/knowledge/sources/types.ts';
import { defineModels, ensureIndexes } from '../data/models/index.ts';
import type { Passage, RetrievalMode } from '../handlers/ask/types.ts';
import {
  extractFaqQuestions,
  loadCorpus,
  locatePerlDocs,
  type CorpusDocument,
  type FaqQuestion,
} from './pod-corpus.ts';
import { benchHeader } from './support/backend.ts';

console.log(benchHeader());

const TARGET_CHUNKS = Number(process.env.TARGET_CHUNKS ?? 50_000);
const QUERIES = Number(process.env.QUERIES ?? 300);
const chromaUrl = process.env.TEST_CHROMA_URL;
const mongoUrl = process.env.TEST_MONGODB_URI;
if (!chromaUrl || !mongoUrl) throw new Error('run through `npm run bench` (it starts FerretDB and Chroma)');

/** An in-memory source over converted documents; `copy` gives the same docs a different source id. */
function corpusSource(documents: CorpusDocument[], copy: number): DocumentSource {
  const byPath = new Map(documents.map((document) => [document.path, document]));
  return {
    id: `perl-doc:${copy}`,
    async list() {
      return documents.map((document) => ({ path: document.path, version: digest(document.text, 24) }));
    },
    async read(entry) {
      const document = byPath.get(entry.path)!;
      return {
        path: entry.path,
        title: titleOf(entry.path, document.text),
        text: document.text,
        updatedAt: new Date(0),
        owners: [],
        authors: [],
      };
    },
    lineUrl: (file, start, end) => `perl-doc://${file}#L${start}-L${end}`,
  };
}

const relevant = (passage: Passage, question: FaqQuestion) =>
  passage.path === question.path &&
  passage.startLine <= question.endLine &&
  passage.endLine >= question.startLine;

async function evaluate(
  search: (query: string, mode: RetrievalMode) => Promise<Passage[]>,
  questions: FaqQuestion[],
  mode: RetrievalMode,
) {
  let hits = 0;
  let reciprocal = 0;
  for (const question of questions) {
    const passages = await search(question.question, mode);
    const rank = passages.findIndex((passage) => relevant(passage, question));
    if (rank >= 0 && rank < 5) hits += 1;
    if (rank >= 0) reciprocal += 1 / (rank + 1);
  }
  return { recallAt5: hits / questions.length, mrr: reciprocal / questions.length };
}

const log = (line: string) => console.log(line);
const root = locatePerlDocs(log);
const connection = await mongoose
  .createConnection(new URL('/bench_ask_retrieval', mongoUrl).toString())
  .asPromise();
await connection.dropDatabase();
const models = defineModels(connection);
await ensureIndexes(models);
const embedder = createLocalEmbedder();
const store = createChromaStore(chromaUrl, embedder.id);
const deps: KnowledgeIndexDeps = {
  documents: models.KnowledgeDocument,
  chunks: models.KnowledgeChunk,
  revisions: models.KnowledgeRevision,
  store,
  embedder,
};
const retriever = createHybridRetriever(deps);
// The same index fused with other dense weights: 1 is plain (unweighted) RRF, what hybrid was before.
const WEIGHTS = [1, 0.25, 0.1, 0.05, 0.02];
const weighted = WEIGHTS.map((denseWeight) => ({
  denseWeight,
  retriever: createHybridRetriever({ ...deps, denseWeight }),
}));
const runId = Date.now().toString(36);

try {
  const table: string[] = [];
  // SCALE_ONLY=1 skips the quality runs (they take a few minutes on FerretDB) and measures latency only.
  for (const masked of process.env.SCALE_ONLY === '1' ? [] : [true, false]) {
    const documents = loadCorpus(root);
    const questions = extractFaqQuestions(documents, masked);
    const tenantId = `bench-${masked ? 'masked' : 'headings'}-${runId}`;
    const started = performance.now();
    const summary = await indexSources(tenantId, [corpusSource(documents, 0)], deps);
    const seconds = (performance.now() - started) / 1000;
    if (masked) {
      log(`${documents.length} documents, ${summary.chunks} chunks, ${questions.length} perlfaq questions`);
      log(
        `index throughput: ${(summary.chunks / seconds).toFixed(0)} chunks/s (${seconds.toFixed(1)} s, local embedding, Chroma + FerretDB)`,
      );
    }
    await retriever.warm(tenantId);
    const search = (query: string, mode: RetrievalMode) =>
      retriever.search(tenantId, query, { limit: 10, mode });
    const results = {} as Record<RetrievalMode, { recallAt5: number; mrr: number }>;
    for (const mode of ['hybrid', 'dense', 'lexical'] as const)
      results[mode] = await evaluate(search, questions, mode);
    const label = masked
      ? 'question headings masked (answer found from its body)'
      : 'question headings kept in the text';
    table.push(`${label}, ${questions.length} questions:`);
    for (const mode of ['hybrid', 'dense', 'lexical'] as const) {
      table.push(
        `  ${mode.padEnd(8)} recall@5 ${(results[mode].recallAt5 * 100).toFixed(1).padStart(5)}%   MRR@10 ${results[mode].mrr.toFixed(3)}`,
      );
    }
    table.push(
      `  hybrid / dense recall@5: ${(results.hybrid.recallAt5 / results.dense.recallAt5).toFixed(2)}   hybrid / lexical: ${(results.hybrid.recallAt5 / results.lexical.recallAt5).toFixed(2)}`,
    );
    table.push(`  hybrid by dense weight (the shipped local weight is ${denseWeightFor(embedder)}):`);
    for (const { denseWeight, retriever: other } of weighted) {
      await other.warm(tenantId);
      const result = await evaluate(
        (query) => other.search(tenantId, query, { limit: 10, mode: 'hybrid' }),
        questions,
        'hybrid',
      );
      table.push(
        `    w=${String(denseWeight).padEnd(5)} recall@5 ${(result.recallAt5 * 100).toFixed(1).padStart(5)}%   MRR@10 ${result.mrr.toFixed(3)}`,
      );
    }
  }
  for (const line of table) log(line);
  if (process.env.QUALITY_ONLY !== '1') await measureScale();
} finally {
  await connection.close();
}

/** Latency at scale: copies of the corpus under other source ids until the tenant holds TARGET_CHUNKS. */
async function measureScale(): Promise<void> {
  const documents = loadCorpus(root);
  const questions = extractFaqQuestions(documents, false);
  const tenantId = `bench-scale-${runId}`;
  let chunks = 0;
  let copy = 0;
  const started = performance.now();
  while (chunks < TARGET_CHUNKS)
    chunks += (await indexSources(tenantId, [corpusSource(documents, copy++)], deps)).chunks;
  const indexSeconds = (performance.now() - started) / 1000;
  log(`scale: ${chunks} chunks in ${copy} copies, indexed at ${(chunks / indexSeconds).toFixed(0)} chunks/s`);
  // First questions after a restart: a fresh retriever is a new process's. Before, every first search waited
  // for the BM25 build (a lexical search still does); now a hybrid one waits at most COLD_WAIT_MS, then goes
  // dense only until the index is ready (the reindex job warms it at start).
  const first = async (mode: RetrievalMode) => {
    const restarted = createHybridRetriever(deps);
    const sent = performance.now();
    await restarted.search(tenantId, questions[0]!.question, { limit: 6, mode });
    const firstMs = performance.now() - sent;
    const warmed = performance.now();
    await restarted.warm(tenantId);
    return { firstMs, readyMs: firstMs + performance.now() - warmed };
  };
  const lexicalFirst = await first('lexical');
  const hybridFirst = await first('hybrid');
  log(
    `first question after a restart, ${chunks} chunks: waiting for BM25 (lexical, as hybrid did before) ${(lexicalFirst.firstMs / 1000).toFixed(1)} s; ` +
      `hybrid now ${(hybridFirst.firstMs / 1000).toFixed(2)} s (dense only), BM25 ready after ${(hybridFirst.readyMs / 1000).toFixed(1)} s`,
  );
  const built = performance.now();
  await retriever.warm(tenantId);
  log(
    `BM25 index over ${chunks} chunks built in ${((performance.now() - built) / 1000).toFixed(1)} s (once per change)`,
  );
  for (const mode of ['hybrid', 'dense', 'lexical'] as const) {
    const latencies: number[] = [];
    for (let index = 0; index < QUERIES; index += 1) {
      const question = questions[index % questions.length]!;
      const sent = performance.now();
      await retriever.search(tenantId, question.question, { limit: 6, mode });
      latencies.push(performance.now() - sent);
    }
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
    log(
      `${mode.padEnd(8)} retrieval over ${chunks} chunks: p50 ${at(0.5).toFixed(1)} ms   p95 ${at(0.95).toFixed(1)} ms   (${QUERIES} queries, one at a time)`,
    );
  }
}
