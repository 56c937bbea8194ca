import {
  createMostFrequentRanker,
  createPathSimilarityRanker,
  type ReplayRanker,
} from './reviewer-baselines.ts';
import {
  createReviewerModel,
  DEFAULT_REVIEWER_WEIGHTS,
  OFFLINE_CONTEXT,
  type ReviewerWeights,
} from './suggest-reviewers.ts';
import type { ReviewedChange } from './types.ts';

export interface HitRates {
  /** Changes ranked and compared (after the warm-up, with at least one reviewer other than the author). */
  evaluated: number;
  top1: number;
  top3: number;
  mrr: number;
}

export interface RankingScore {
  name: string;
  all: HitRates;
  /** With a hold-out: the changes evaluated before it, and those in it (still ranked from all that came before). */
  beforeHoldout?: HitRates;
  holdout?: HitRates;
  elapsedMs: number;
}

export interface ReviewerEvaluation {
  changes: number;
  warmup: number;
  /** Index of the first held-out change, when a hold-out was asked for. */
  holdoutFrom?: number;
  rankings: RankingScore[];
}

export interface EvaluationOptions {
  /** Fraction of the history only learned from, never ranked (default 0.1). */
  warmup?: number;
  /** Fraction at the end reported on its own (the hold-out), e.g. 1/3. */
  holdout?: number;
  weights?: ReviewerWeights;
  /** Replay the suggester only, without the baselines (for tuning). */
  suggesterOnly?: boolean;
}

/** The suggester itself, through the same model chat uses, with what offline replays cannot know left neutral. */
export function createSuggesterRanker(weights: ReviewerWeights = DEFAULT_REVIEWER_WEIGHTS): ReplayRanker {
  const model = createReviewerModel(weights);
  return {
    name: 'em-agent suggester',
    rank: (change) => model.rank(change, OFFLINE_CONTEXT).map((candidate) => candidate.login),
    record: (change) => model.record(change),
  };
}

interface Tally {
  evaluated: number;
  top1: number;
  top3: number;
  reciprocal: number;
}

const emptyTally = (): Tally => ({ evaluated: 0, top1: 0, top3: 0, reciprocal: 0 });
const ratesOf = (tally: Tally): HitRates => ({
  evaluated: tally.evaluated,
  top1: tally.evaluated ? tally.top1 / tally.evaluated : 0,
  top3: tally.evaluated ? tally.top3 / tally.evaluated : 0,
  mrr: tally.evaluated ? tally.reciprocal / tally.evaluated : 0,
});

function replay(
  ranker: ReplayRanker,
  changes: readonly ReviewedChange[],
  warmup: number,
  holdoutFrom: number,
) {
  const started = performance.now();
  const all = emptyTally();
  const before = emptyTally();
  const held = emptyTally();
  changes.forEach((change, index) => {
    const real = new Set(change.reviewers.filter((login) => login !== change.author));
    if (index >= warmup && real.size > 0) {
      const ranked = ranker.rank(change);
      const position = ranked.findIndex((login) => real.has(login));
      for (const tally of [all, index >= holdoutFrom ? held : before]) {
        tally.evaluated += 1;
        if (position === 0) tally.top1 += 1;
        if (position >= 0 && position < 3) tally.top3 += 1;
        if (position >= 0) tally.reciprocal += 1 / (position + 1);
      }
    }
    ranker.record(change);
  });
  return { all, before, held, elapsedMs: performance.now() - started };
}

/**
 * Replays a history in time order: each change after the warm-up is ranked from the changes before it only, then
 * learned from. Top-k counts a change when any of its real reviewers is among the first k; MRR takes the first
 * real reviewer's rank (0 when none is ranked). The author is never ranked.
 */
export function evaluateReviewerRankings(
  changes: readonly ReviewedChange[],
  options: EvaluationOptions = {},
): ReviewerEvaluation {
  const warmup = Math.floor(changes.length * (options.warmup ?? 0.1));
  const holdoutFrom =
    options.holdout === undefined
      ? changes.length
      : changes.length - Math.floor(changes.length * options.holdout);
  const rankers = [
    ...(options.suggesterOnly ? [] : [createMostFrequentRanker(), createPathSimilarityRanker()]),
    createSuggesterRanker(options.weights),
  ];
  const rankings = rankers.map((ranker) => {
    const { all, before, held, elapsedMs } = replay(ranker, changes, warmup, holdoutFrom);
    const score: RankingScore = { name: ranker.name, all: ratesOf(all), elapsedMs };
    if (options.holdout !== undefined) {
      score.beforeHoldout = ratesOf(before);
      score.holdout = ratesOf(held);
    }
    return score;
  });
  return {
    changes: changes.length,
    warmup,
    ...(options.holdout === undefined ? {} : { holdoutFrom }),
    rankings,
  };
}
