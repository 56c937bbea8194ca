/** Turns texts into vectors; `id` names the model, so vectors of different models never share a collection. */
export interface Embedder {
  id: string;
  /** `tenantId` is whom the call is for: a metered embedder charges it to that tenant's monthly LLM spend. */
  embed(texts: string[], tenantId: string): Promise<number[][]>;
}

/** The embedder would not run for this tenant now (its monthly LLM cap); `reason` can be shown to people. */
export class EmbeddingRefusedError extends Error {
  override name = 'EmbeddingRefusedError';
}

/** Whether an embedder's vectors carry meaning (a trained model) or only shared vocabulary (the local one). */
export function isLocalEmbedder(embedder: Pick<Embedder, 'id'>): boolean {
  return embedder.id.startsWith('local-');
}
