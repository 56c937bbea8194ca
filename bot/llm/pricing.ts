/** US dollars per million tokens (OpenAI list prices); unknown models are charged at the dearest listed here. */
const PRICES: Record<string, { input: number; output: number }> = {
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4o': { input: 2.5, output: 10 },
  // Embedding models: input tokens only.
  'text-embedding-3-small': { input: 0.02, output: 0 },
  'text-embedding-3-large': { input: 0.13, output: 0 },
  'text-embedding-ada-002': { input: 0.1, output: 0 },
};
const DEAREST = { input: 2.5, output: 10 };

export function costUsd(model: string, promptTokens: number, completionTokens: number): number {
  const price = PRICES[model] ?? DEAREST;
  return (promptTokens * price.input + completionTokens * price.output) / 1_000_000;
}
