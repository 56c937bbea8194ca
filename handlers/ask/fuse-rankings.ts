/** The constant from Cormack et al. (2009): dampens the head of each list so no single ranking dominates. */
export const RRF_K = 60;

/**
 * Reciprocal rank fusion: each id scores the sum of 1 / (k + rank) over the rankings it appears in.
 * Rank-based, so dense distances and BM25 scores need no common scale. Ties keep first-seen order.
 */
export function fuseRankings(
  rankings: readonly (readonly string[])[],
  k = RRF_K,
): { id: string; score: number }[] {
  const scores = new Map<string, number>();
  for (const ranking of rankings) {
    ranking.forEach((id, index) => scores.set(id, (scores.get(id) ?? 0) + 1 / (k + index + 1)));
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}
