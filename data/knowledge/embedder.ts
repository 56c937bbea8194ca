/** Turns texts into vectors; `id` names the model, so vectors of different models never share a collection. */
export interface Embedder {
  id: string;
  embed(texts: string[]): Promise<number[][]>;
}
