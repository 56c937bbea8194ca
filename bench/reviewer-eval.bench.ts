/**
 * The offline reviewer evaluation at scale: a generated 10,000-change history (test/support/generate-review-history.ts)
 * replayed through the reviewer suggester, beside the most-frequent and RevFinder-style path-similarity baselines
 * replayed over the same history in the same run. Prints each ranking's time, changes per second and hit rates,
 * and the suggester's time as a ratio of the path-similarity baseline's. Goal: the whole replay under 60 s.
 *   npm run bench -- bench/reviewer-eval.bench.ts     (CHANGES, default 10,000, adjusts it)
 */
import { evaluateReviewerRankings } from '../handlers/triage/evaluate-reviewers.ts';
import { generateReviewHistory } from '../test/support/generate-review-history.ts';
import { benchHeader } from './support/backend.ts';

console.log(benchHeader());

const CHANGES = Number(process.env.CHANGES ?? 10_000);
const history = generateReviewHistory(CHANGES);
const started = performance.now();
const result = evaluateReviewerRankings(history, { warmup: 0.1 });
const totalMs = performance.now() - started;

console.log(
  `${history.length.toLocaleString('en-US')} changes, ${result.rankings[0]!.all.evaluated} ranked (warm-up 10%)`,
);
for (const ranking of result.rankings) {
  const { top1, top3, mrr } = ranking.all;
  console.log(
    `${ranking.name.padEnd(34)} ${(ranking.elapsedMs / 1000).toFixed(2).padStart(6)} s ` +
      `${Math.round(history.length / (ranking.elapsedMs / 1000))
        .toString()
        .padStart(7)} changes/s   ` +
      `top-1 ${top1.toFixed(3)}  top-3 ${top3.toFixed(3)}  MRR ${mrr.toFixed(3)}`,
  );
}
const suggester = result.rankings.find((ranking) => ranking.name === 'em-agent suggester')!;
const baseline = result.rankings.find((ranking) => ranking.name.startsWith('Path similarity'))!;
console.log(
  `suggester time / path-similarity time: ${(suggester.elapsedMs / baseline.elapsedMs).toFixed(2)}`,
);
console.log(`whole replay (three rankings): ${(totalMs / 1000).toFixed(2)} s, goal < 60 s`);
