import type { ReviewedChange } from './types.ts';

/** A history line that is not a reviewed change; `line` counts from 1. */
export class InvalidReviewHistoryError extends Error {
  override name = 'InvalidReviewHistoryError';
  readonly line: number;
  constructor(line: number, reason: string) {
    super(`line ${line}: ${reason}`);
    this.line = line;
  }
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string' && item.length > 0);

function parseChange(text: string, line: number): ReviewedChange {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidReviewHistoryError(line, 'not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidReviewHistoryError(line, 'expected an object {"id","at","author","files","reviewers"}');
  }
  const { id, at, author, files, reviewers } = value as Record<string, unknown>;
  if (typeof id !== 'string' || id === '')
    throw new InvalidReviewHistoryError(line, '"id" must be a non-empty string');
  if (typeof author !== 'string' || author === '') {
    throw new InvalidReviewHistoryError(line, '"author" must be a non-empty string');
  }
  const instant = typeof at === 'string' ? new Date(at) : undefined;
  if (!instant || Number.isNaN(instant.getTime())) {
    throw new InvalidReviewHistoryError(line, '"at" must be an ISO 8601 date');
  }
  if (!isStringList(files)) throw new InvalidReviewHistoryError(line, '"files" must be a list of paths');
  if (!isStringList(reviewers))
    throw new InvalidReviewHistoryError(line, '"reviewers" must be a list of people');
  return { id, at: instant, author, files, reviewers };
}

/** JSON Lines, one change a line (blank lines skipped), sorted by instant; the file order breaks ties. */
export function parseReviewHistory(text: string): ReviewedChange[] {
  const changes: ReviewedChange[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line) changes.push(parseChange(line, index + 1));
  });
  return changes.sort((a, b) => a.at.getTime() - b.at.getTime());
}
