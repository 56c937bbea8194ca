import { sectionOf } from './build-answer-prompt.ts';
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
  // Code right after the best lines is usually the answer ("promote the replica:" then the command): keep it.
  let end = best.end;
  let next = end + 1;
  while (next < lines.length && lines[next]!.trim() === '') next += 1;
  if (next < lines.length && /^\s{0,3}(```|~~~)/.test(lines[next]!)) {
    const close = lines.findIndex((line, index) => index > next && /^\s{0,3}(```|~~~)\s*$/.test(line));
    if (close > 0) end = close;
  }
  const quote = lines
    .slice(best.start, end + 1)
    .join('\n')
    .trim();
  return quote.length > QUOTE_CHARS * 2 ? `${quote.slice(0, QUOTE_CHARS * 2 - 1)}…` : quote;
}

/** Without a language model: the best lines of the top passages, each with its citation number. */
export function extractAnswer(question: string, passages: Passage[], count = 2): string {
  return passages
    .slice(0, count)
    .map((passage, index) => {
      return `From ${sectionOf(passage)} [${index + 1}]:\n${bestQuote(question, passage)}`;
    })
    .join('\n\n');
}
