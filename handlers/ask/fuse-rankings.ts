/** The constant from Cormack et al. (2009): dampens the head of each list so no single ranking dominates. */
export const RRF_K = 60;

/** A ranking of ids, best first, and how much its ranks count in the fusion (1 unless told otherwise). */
export interface WeightedRanking {
  ids: readonly string[];
  weight: number;
}

/**
 * Weighted reciprocal rank fusion: each id scores the sum of weight / (k + rank) over the rankings it appears
 * in. Rank-based, so dense distances and BM25 scores need no common scale; the weights say how far each
 * ranking is trusted. Ties keep first-seen order.
 */
export function fuseRankings(
  rankings: readonly (readonly string[] | WeightedRanking)[],
  k = RRF_K,
): { id: string; score: number }[] {
  const scores = new Map<string, number>();
  for (const ranking of rankings) {
    const { ids, weight } = 'ids' in ranking ? ranking : { ids: ranking, weight: 1 };
    ids.forEach((id, index) => scores.set(id, (scores.get(id) ?? 0) + weight / (k + index + 1)));
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}
