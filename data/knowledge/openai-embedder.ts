import type OpenAI from 'openai';
import { costUsd } from '../../bot/llm/pricing.ts';
import { checkCostLimit } from '../../handlers/policy/check-cost-limit.ts';
import { redactorFor } from '../../handlers/policy/redact-pii.ts';
import type { Policy } from '../../handlers/policy/policy-schema.ts';
import type { LlmUsageModel } from '../models/llm-usage.ts';
import { EmbeddingRefusedError, type Embedder } from './embedder.ts';

export interface OpenAiEmbedderDeps {
  client: OpenAI;
  model: string;
  /** The same monthly rollup the chat gateway writes, so embeddings and answers share one cap. */
  usage: LlmUsageModel;
  /** The tenant's policy in force; its `limits.max_monthly_cost_usd` is the cap. */
  policyFor(tenantId: string): Promise<Policy>;
  now?: () => Date;
}

/** About four characters a token, rounded up: enough for the cap check before the call. */
const estimateTokens = (texts: string[]) => Math.ceil(texts.reduce((sum, text) => sum + text.length, 0) / 4);

/**
 * OpenAI embeddings (`text-embedding-3-small` unless OPENAI_EMBEDDING_MODEL says otherwise), redacted and
 * metered: the texts go out redacted as chat does (the tenant's `pii_redaction` level, secrets always; the
 * caller keeps its own text), each call is checked against the tenant's monthly cap first (refused with
 * EmbeddingRefusedError at the cap) and its tokens, as the API's `usage` reports them, are charged to the
 * tenant's month.
 */
export function createOpenAiEmbedder(deps: OpenAiEmbedderDeps): Embedder {
  const now = deps.now ?? (() => new Date());
  return {
    id: `openai-${deps.model}`,
    async embed(texts, tenantId) {
      if (texts.length === 0) return [];
      const [policy, spent] = await Promise.all([
        deps.policyFor(tenantId),
        deps.usage.spentUsd(tenantId, now()),
      ]);
      const input = texts.map(redactorFor(policy));
      const verdict = checkCostLimit(policy, spent, costUsd(deps.model, estimateTokens(input), 0));
      if (!verdict.allowed) throw new EmbeddingRefusedError(verdict.reason);
      const response = await deps.client.embeddings.create({
        model: deps.model,
        input,
        encoding_format: 'float',
      });
      const tokens = response.usage?.prompt_tokens ?? estimateTokens(input);
      await deps.usage.record(tenantId, now(), {
        costUsd: costUsd(deps.model, tokens, 0),
        promptTokens: tokens,
        completionTokens: 0,
      });
      return [...response.data].sort((a, b) => a.index - b.index).map((item) => item.embedding);
    },
  };
}
