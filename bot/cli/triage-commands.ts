import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  evaluateReviewerRankings,
  type HitRates,
  type ReviewerEvaluation,
} from '../../handlers/triage/evaluate-reviewers.ts';
import { InvalidReviewHistoryError, parseReviewHistory } from '../../handlers/triage/parse-review-history.ts';
import { BadRequestError } from '../errors.ts';

function parseFraction(name: string, text: string, max: number): number {
  const value = Number(text);
  if (!/^\d*\.?\d+$/.test(text) || !(value >= 0 && value < max)) {
    throw new BadRequestError(`${name}: expected a fraction from 0 to below ${max} (got "${text}")`);
  }
  return value;
}

async function readHistory(file: string) {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BadRequestError(
      code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read it (${code ?? 'error'})`,
    );
  }
  try {
    return parseReviewHistory(text);
  } catch (error) {
    if (error instanceof InvalidReviewHistoryError) throw new BadRequestError(`${file}: ${error.message}`);
    throw error;
  }
}

const number = (value: number) => value.toLocaleString('en-US');
const rate = (value: number) => value.toFixed(3).padStart(6);

function printTable(title: string, rows: { name: string; rates: HitRates }[]): void {
  const width = Math.max(...rows.map((row) => row.name.length), 7);
  console.log(`\n${title} (${number(rows[0]?.rates.evaluated ?? 0)} ranked)`);
  console.log(`${'Ranking'.padEnd(width)}   top-1   top-3     MRR`);
  for (const { name, rates } of rows) {
    console.log(`${name.padEnd(width)}  ${rate(rates.top1)}  ${rate(rates.top3)}  ${rate(rates.mrr)}`);
  }
}

function printEvaluation(file: string, result: ReviewerEvaluation, warmup: number): void {
  console.log(
    `${file}: ${number(result.changes)} changes in time order, the first ${number(result.warmup)} ` +
      `(${Math.round(warmup * 100)}%) only learned from. Each change is ranked from the changes before it; ` +
      'the author is never suggested. A history says nothing of availability, open reviews or code owners: ' +
      'everyone counts as available, with no open reviews and no owned paths.',
  );
  printTable(
    'All ranked changes',
    result.rankings.map((ranking) => ({ name: ranking.name, rates: ranking.all })),
  );
  if (result.holdoutFrom !== undefined) {
    const from = result.holdoutFrom;
    printTable(
      `Before the hold-out (changes ${number(result.warmup + 1)} to ${number(from)})`,
      result.rankings.map((ranking) => ({ name: ranking.name, rates: ranking.beforeHoldout! })),
    );
    printTable(
      `Hold-out (changes ${number(from + 1)} to ${number(result.changes)})`,
      result.rankings.map((ranking) => ({ name: ranking.name, rates: ranking.holdout! })),
    );
  }
  const seconds = result.rankings.map(
    (ranking) => `${ranking.name} ${(ranking.elapsedMs / 1000).toFixed(2)} s`,
  );
  console.log(`\nReplay time: ${seconds.join(', ')}`);
}

/** `em-agent triage eval-reviewers FILE`: the reviewer suggester replayed over a history, beside two baselines. */
export function registerTriageCommands(program: Command, fail: (error: unknown) => never): void {
  const triage = program.command('triage').description('PR triage tools (offline; no database needed)');
  triage
    .command('eval-reviewers')
    .description(
      'replay a JSON Lines history of reviewed changes through the reviewer suggester: top-1, top-3 and MRR ' +
        'beside the most frequent reviewer and RevFinder-style path similarity',
    )
    .argument('<file>', 'one change a line: {"id","at","author","files":[paths],"reviewers":[people]}')
    .option('--warmup <fraction>', 'share of the history only learned from, never ranked', '0.1')
    .option('--holdout <fraction>', 'also report the last share of the history on its own (e.g. 0.33)')
    .action(async (file: string, options: { warmup: string; holdout?: string }) => {
      try {
        const warmup = parseFraction('--warmup', options.warmup, 1);
        const holdout =
          options.holdout === undefined ? undefined : parseFraction('--holdout', options.holdout, 1);
        const changes = await readHistory(file);
        if (changes.length === 0) throw new BadRequestError(`${file}: no changes in it`);
        printEvaluation(file, evaluateReviewerRankings(changes, { warmup, holdout }), warmup);
      } catch (error) {
        fail(error);
      }
    });
}
