import type { ReviewedChange } from './types.ts';

/** A ranking replayed over a history: ranks a change from what it recorded before, then records it. */
export interface ReplayRanker {
  name: string;
  rank(change: ReviewedChange): string[];
  record(change: ReviewedChange): void;
}

const byScore = (scores: Map<string, number>, author: string) =>
  [...scores]
    .filter(([login, score]) => login !== author && score > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([login]) => login);

/** Baseline: whoever reviewed most so far. */
export function createMostFrequentRanker(): ReplayRanker {
  const counts = new Map<string, number>();
  return {
    name: 'Most frequent reviewer',
    rank: (change) => byScore(counts, change.author),
    record(change) {
      for (const login of new Set(change.reviewers)) counts.set(login, (counts.get(login) ?? 0) + 1);
    },
  };
}

/**
 * Baseline: RevFinder-style path similarity (Thongtanunam et al., 2015, its longest-common-prefix measure).
 * A past change's reviewers earn, for each pair of a new file f and a past file g, the share of path components
 * f and g have in common from the root (common prefix / the longer path), averaged over the pairs. Past files are
 * kept once each, with what each reviewer earned from them, and only files under the same top directory compared.
 */
export function createPathSimilarityRanker(): ReplayRanker {
  /** Top path component → past files under it: their components and reviewer → Σ 1/|files of the change|. */
  const byTop = new Map<string, Map<string, { parts: string[]; reviewers: Map<string, number> }>>();
  return {
    name: 'Path similarity (RevFinder-style)',
    rank(change) {
      const scores = new Map<string, number>();
      const perFile = 1 / Math.max(1, change.files.length);
      for (const file of change.files) {
        const parts = file.split('/');
        for (const past of byTop.get(parts[0]!)?.values() ?? []) {
          let common = 0;
          while (
            common < parts.length &&
            common < past.parts.length &&
            parts[common] === past.parts[common]
          ) {
            common += 1;
          }
          const similarity = (perFile * common) / Math.max(parts.length, past.parts.length);
          for (const [login, weight] of past.reviewers) {
            scores.set(login, (scores.get(login) ?? 0) + similarity * weight);
          }
        }
      }
      return byScore(scores, change.author);
    },
    record(change) {
      const weight = 1 / Math.max(1, change.files.length);
      for (const file of new Set(change.files)) {
        const parts = file.split('/');
        let files = byTop.get(parts[0]!);
        if (!files) byTop.set(parts[0]!, (files = new Map()));
        let past = files.get(file);
        if (!past) files.set(file, (past = { parts, reviewers: new Map() }));
        for (const login of new Set(change.reviewers)) {
          past.reviewers.set(login, (past.reviewers.get(login) ?? 0) + weight);
        }
      }
    },
  };
}
