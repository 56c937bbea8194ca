import type OpenAI from 'openai';
import type { Embedder } from './embedder.ts';

/** OpenAI embeddings (`text-embedding-3-small` unless OPENAI_EMBEDDING_MODEL says otherwise). */
export function createOpenAiEmbedder(client: OpenAI, model: string): Embedder {
  return {
    id: `openai-${model}`,
    async embed(texts) {
      if (texts.length === 0) return [];
      const response = await client.embeddings.create({ model, input: texts, encoding_format: 'float' });
      return [...response.data].sort((a, b) => a.index - b.index).map((item) => item.embedding);
    },
  };
}
