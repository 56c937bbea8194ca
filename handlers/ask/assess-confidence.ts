import { tokenize } from './tokenize.ts';
import type { Passage } from './types.ts';

/** Below this share of the question's words found in one passage, we say we do not know. */
export const CONFIDENCE_THRESHOLD = 0.5;

/**
 * How sure we are that the passages speak to the question: the largest share of the question's distinct
 * content words (stemmed, stop words dropped) that one of the top passages contains, title and headings
 * included. Rank-fused scores say which passage is best, not whether any is good; this does, the same way
 * for every embedding model.
 */
export function assessConfidence(question: string, passages: Passage[], consider = 3): number {
  const terms = new Set(tokenize(question));
  if (terms.size === 0 || passages.length === 0) return 0;
  let best = 0;
  for (const passage of passages.slice(0, consider)) {
    const words = new Set(
      tokenize([passage.title, ...passage.headingPath, passage.path, passage.body].join('\n')),
    );
    let found = 0;
    for (const term of terms) if (words.has(term)) found += 1;
    best = Math.max(best, found / terms.size);
  }
  return best;
}
