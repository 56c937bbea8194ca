import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { evaluateReviewerRankings } from '../../../handlers/triage/evaluate-reviewers.ts';
import { parseReviewHistory } from '../../../handlers/triage/parse-review-history.ts';
import { generateReviewHistory } from '../../support/generate-review-history.ts';

const small = parseReviewHistory(
  readFileSync(new URL('../../fixtures/triage/small-review-history.jsonl', import.meta.url), 'utf8'),
);
const round = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * The hand-made history, worked through (every change ranked, warm-up 0):
 * c1 alice a/x.go [bob]: nothing known yet, a miss for all.
 * c2 carol b/y.go [dave]: dave unknown, a miss for all.
 * c3 alice a/x.go [bob]: bob first everywhere (most frequent: bob and dave tie at 1, alphabetical).
 * c4 carol b/y.go [erin]: erin unknown, a miss for all.
 * c5 bob a/z.go [alice]: alice never reviewed (no baseline ranks her), but she changed `a/` twice: the suggester
 *    puts her first.
 * c6 dave b/y.go [carol, erin] (its +01:00 instant sorts after c5): most frequent ranks bob (2), alice, erin (1
 *    each) so erin third; path similarity ranks erin first (dave, the author, is left out); the suggester's first
 *    is carol or erin, both real.
 */
describe('evaluateReviewerRankings (offline replay)', () => {
  it('sorts by instant, not by the order of the lines', () => {
    assert.deepEqual(
      small.map((change) => change.id),
      ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'],
    );
  });

  it('scores the hand-made history exactly: top-1, top-3 and MRR per ranking', () => {
    const result = evaluateReviewerRankings(small, { warmup: 0 });
    const rates = Object.fromEntries(
      result.rankings.map((ranking) => [
        ranking.name,
        [ranking.all.evaluated, round(ranking.all.top1), round(ranking.all.top3), round(ranking.all.mrr)],
      ]),
    );
    assert.deepEqual(rates, {
      'Most frequent reviewer': [6, round(1 / 6), round(2 / 6), round((1 + 1 / 3) / 6)],
      'Path similarity (RevFinder-style)': [6, round(2 / 6), round(2 / 6), round(2 / 6)],
      'em-agent suggester': [6, 0.5, 0.5, 0.5],
    });
  });

  it('learns from the warm-up without ranking it, and reports a hold-out apart', () => {
    const result = evaluateReviewerRankings(small, { warmup: 0.5, holdout: 1 / 3 });
    assert.equal(result.warmup, 3);
    assert.equal(result.holdoutFrom, 4);
    const mostFrequent = result.rankings[0]!;
    // c4 (miss) before the hold-out; c5 (miss) and c6 (erin third) in it.
    assert.deepEqual(mostFrequent.beforeHoldout, { evaluated: 1, top1: 0, top3: 0, mrr: 0 });
    assert.deepEqual(mostFrequent.holdout, { evaluated: 2, top1: 0, top3: 0.5, mrr: 1 / 6 });
    assert.equal(mostFrequent.all.evaluated, 3);
  });

  it('beats both baselines on a generated history (a sanity check beyond golang/net)', () => {
    const result = evaluateReviewerRankings(generateReviewHistory(1_500), { warmup: 0.1 });
    const [mostFrequent, paths, suggester] = result.rankings.map((ranking) => ranking.all);
    for (const baseline of [mostFrequent!, paths!]) {
      assert.ok(suggester!.top1 > baseline.top1 + 0.05, `top-1 ${suggester!.top1} vs ${baseline.top1}`);
      assert.ok(suggester!.mrr > baseline.mrr, `MRR ${suggester!.mrr} vs ${baseline.mrr}`);
    }
  });
});
