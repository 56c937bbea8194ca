import { Octokit } from '@octokit/rest';
import OpenAI from 'openai';
import type { Logger } from 'pino';
import type { Config } from '../../bot/config.ts';
import type { AnswerStore } from '../../handlers/ask/handle-answer-action.ts';
import type { AskPorts, ConversationRef } from '../../handlers/ask/types.ts';
import type { PolicyProvider } from '../../handlers/policy/policy-store.ts';
import { llmPolicyFor } from '../../bot/llm/llm-policy.ts';
import type { Models } from '../models/index.ts';
import { createAnswerLog } from './answer-log.ts';
import { createAnswerStore } from './answer-store.ts';
import { startLocalChroma, type LocalChroma } from './chroma-server.ts';
import { createChromaStore, type VectorStore } from './chroma-store.ts';
import type { Embedder } from './embedder.ts';
import { createHybridRetriever } from './hybrid-retriever.ts';
import { indexSources, type IndexProgress, type IndexSummary } from './index-sources.ts';
import { createLocalEmbedder } from './local-embedder.ts';
import { createOpenAiEmbedder } from './openai-embedder.ts';
import { createPeopleFinder } from './people-finder.ts';
import { confluenceSpaceSource } from './sources/confluence-space.ts';
import { gitHubRepoSource, parseRepoRef } from './sources/github-repos.ts';
import { localFolderSource } from './sources/local-folder.ts';
import type { DocumentSource } from './sources/types.ts';

export interface Knowledge {
  /** The tenant the configured sources (DOCS_DIR, DOCS_GITHUB_REPOS, Confluence) belong to. */
  tenantId(): string;
  reindexEvery: string;
  /** Stale-docs digests for owners not linked to chat go here (DOCS_DIGEST_CHANNEL). */
  digestChannel?: ConversationRef;
  /** ASK_RETENTION_DAYS: how long question and answer text is kept. */
  answerRetentionDays: number;
  embedder: Embedder;
  store: VectorStore;
  /** What `ask` needs, but the LLM gateway, which bot/ adds. */
  ports: Omit<AskPorts, 'llm'>;
  answerStore: AnswerStore;
  sources: DocumentSource[];
  /** Builds the tenant's keyword index ahead of the first question (after a start or a re-index). */
  warm(tenantId: string): Promise<void>;
  /** Re-indexes the configured sources; other tenants have none. */
  index(tenantId: string, onProgress?: (progress: IndexProgress) => void): Promise<IndexSummary>;
  close(): Promise<void>;
}

export function openAiClient(config: NonNullable<Config['openai']>): OpenAI {
  return new OpenAI({
    apiKey: config.apiKey,
    ...(config.baseUrl ? { baseURL: config.baseUrl } : {}),
    maxRetries: 1,
  });
}

export function configuredSources(config: Config): DocumentSource[] {
  const { knowledge } = config;
  const sources: DocumentSource[] = [];
  if (knowledge.docsDir) sources.push(localFolderSource(knowledge.docsDir));
  if (knowledge.githubRepos.length > 0) {
    const octokit = new Octokit({
      ...(knowledge.github.token ? { auth: knowledge.github.token } : {}),
      ...(knowledge.github.apiUrl ? { baseUrl: knowledge.github.apiUrl.replace(/\/$/, '') } : {}),
      userAgent: 'em-agent',
    });
    for (const text of knowledge.githubRepos) {
      const ref = parseRepoRef(text);
      if (ref) sources.push(gitHubRepoSource(octokit, ref));
    }
  }
  if (knowledge.confluence) sources.push(confluenceSpaceSource(knowledge.confluence));
  return sources;
}

/** Docs to answer from when the config names none (the demo's handbook), and the tenant they belong to. */
export interface FallbackDocs {
  sources: DocumentSource[];
  tenantId: string;
}

/**
 * Wires doc answers from the config: the embedder (OpenAI with a key, else local), the tenant collections in
 * Chroma (CHROMA_URL, else a server started from the chromadb package on first use), hybrid retrieval, the
 * configured sources (else the fallback docs) and the answer records.
 */
export function createKnowledge(
  config: Config,
  models: Models,
  log: Logger,
  defaultTenantId: () => string,
  /** The tenants' policies, whose redaction level and cost cap also apply to OpenAI embeddings (else env cap). */
  policies?: PolicyProvider,
  fallback?: FallbackDocs,
): Knowledge {
  const embedder = config.openai
    ? createOpenAiEmbedder({
        client: openAiClient(config.openai),
        model: config.openai.embeddingModel,
        usage: models.LlmUsage,
        policyFor: llmPolicyFor(config.llmMonthlyCostCapUsd, policies),
      })
    : createLocalEmbedder();
  let local: Promise<LocalChroma> | undefined;
  const chromaUrl = async () => {
    if (config.knowledge.chromaUrl) return config.knowledge.chromaUrl;
    local ??= startLocalChroma(config.database.dataDir, log);
    local.catch(() => (local = undefined));
    return (await local).url;
  };
  let store: Promise<VectorStore> | undefined;
  const storeOf = () => (store ??= chromaUrl().then((url) => createChromaStore(url, embedder.id)));
  // Resolved on first use, so a bot that never answers a question never starts Chroma.
  const lazyStore: VectorStore = {
    upsert: async (...args) => (await storeOf()).upsert(...args),
    remove: async (...args) => (await storeOf()).remove(...args),
    query: async (...args) => (await storeOf()).query(...args),
    count: async (...args) => (await storeOf()).count(...args),
  };
  const deps = {
    documents: models.KnowledgeDocument,
    chunks: models.KnowledgeChunk,
    revisions: models.KnowledgeRevision,
    store: lazyStore,
    embedder,
  };
  const retriever = createHybridRetriever(deps);
  const configured = configuredSources(config);
  const useFallback = configured.length === 0 && fallback !== undefined;
  const sources = useFallback ? fallback.sources : configured;
  const tenantId = () => (useFallback ? fallback.tenantId : (config.knowledge.tenantId ?? defaultTenantId()));
  return {
    tenantId,
    reindexEvery: config.knowledge.reindexEvery,
    digestChannel: config.knowledge.digestChannel,
    answerRetentionDays: config.knowledge.answerRetentionDays,
    embedder,
    store: lazyStore,
    ports: {
      knowledge: retriever,
      people: createPeopleFinder(models.KnowledgeDocument),
      answers: createAnswerLog(models.AnswerRecord, models.KnowledgeChunk),
    },
    answerStore: createAnswerStore(models.AnswerRecord, models.AnswerFeedback, models.DeliveryClaim),
    sources,
    warm: (forTenant) => retriever.warm(forTenant),
    index: (forTenant, onProgress) =>
      indexSources(forTenant, forTenant === tenantId() ? sources : [], deps, onProgress),
    async close() {
      const started = await local?.catch(() => undefined);
      await started?.stop();
    },
  };
}
