import { tokenize } from './tokenize.ts';
import type { Passage } from './types.ts';

const QUOTE_CHARS = 450;

/** The window of a passage that shares the most words with the question, at most `QUOTE_CHARS` long. */
export function bestQuote(question: string, passage: Passage): string {
  const terms = new Set(tokenize(question));
  const lines = passage.body.split('\n');
  let best = { start: 0, end: 0, score: -1 };
  for (let start = 0; start < lines.length; start += 1) {
    let length = 0;
    let score = 0;
    for (let end = start; end < lines.length; end += 1) {
      length += lines[end]!.length + 1;
      if (length > QUOTE_CHARS && end > start) break;
      score += tokenize(lines[end]!).filter((word) => terms.has(word)).length;
      if (score > best.score) best = { start, end, score };
    }
  }
  const quote = lines
    .slice(best.start, best.end + 1)
    .join('\n')
    .trim();
  return quote.length > QUOTE_CHARS ? `${quote.slice(0, QUOTE_CHARS - 1)}…` : quote;
}

/** Without a language model: the best lines of the top passages, each with its citation number. */
export function extractAnswer(question: string, passages: Passage[], count = 2): string {
  return passages
    .slice(0, count)
    .map((passage, index) => {
      const where = [
        passage.title,
        ...passage.headingPath.filter((heading) => heading !== passage.title),
      ].join(' › ');
      return `From ${where} [${index + 1}]:\n${bestQuote(question, passage)}`;
    })
    .join('\n\n');
}
