import { tokenize } from './tokenize.ts';

export interface LexicalHit {
  id: string;
  score: number;
}

/** Okapi BM25 over a fixed set of texts, held in memory as an inverted index. */
export interface Bm25Index {
  size: number;
  search(query: string, limit: number, accept?: (id: string) => boolean): LexicalHit[];
}

const K1 = 1.2;
const B = 0.75;

export function buildBm25Index(documents: Iterable<{ id: string; text: string }>): Bm25Index {
  const ids: string[] = [];
  const lengths: number[] = [];
  const postings = new Map<string, { doc: number; tf: number }[]>();
  for (const { id, text } of documents) {
    const doc = ids.length;
    ids.push(id);
    const terms = tokenize(text);
    lengths.push(terms.length);
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, tf] of counts) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push({ doc, tf });
    }
  }
  const averageLength = lengths.reduce((sum, length) => sum + length, 0) / Math.max(ids.length, 1);

  return {
    size: ids.length,
    search(query, limit, accept) {
      const scores = new Map<number, number>();
      for (const term of new Set(tokenize(query))) {
        const list = postings.get(term);
        if (!list) continue;
        const idf = Math.log(1 + (ids.length - list.length + 0.5) / (list.length + 0.5));
        for (const { doc, tf } of list) {
          const norm = tf + K1 * (1 - B + (B * lengths[doc]!) / averageLength);
          scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (K1 + 1)) / norm);
        }
      }
      return [...scores]
        .filter(([doc]) => !accept || accept(ids[doc]!))
        .sort((a, b) => b[1] - a[1])
        .slice(0, limit)
        .map(([doc, score]) => ({ id: ids[doc]!, score }));
    },
  };
}
