import type { SearchFilter } from './types.ts';

export interface ParsedQuestion {
  question: string;
  filter: SearchFilter;
}

const DAY_MS = 86_400_000;

/**
 * Pulls `repo:owner/name`, `path:docs/` and `since:30d` out of what was typed; the rest is the question.
 * `repo:` names a GitHub source; `source:` names any source by its full id.
 */
export function parseAskFilters(text: string, now = new Date()): ParsedQuestion {
  const filter: SearchFilter = {};
  const words: string[] = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const match = /^(repo|source|path|since):(\S+)$/i.exec(word);
    const value = match?.[2];
    const key = match?.[1]?.toLowerCase();
    if (key === 'repo' && value) filter.source = `github:${value}`;
    else if (key === 'source' && value) filter.source = value;
    else if (key === 'path' && value) filter.pathPrefix = value.replace(/^\/+/, '');
    else if (key === 'since' && value && /^\d+d$/.test(value)) {
      filter.updatedSince = new Date(now.getTime() - Number(value.slice(0, -1)) * DAY_MS);
    } else words.push(word);
  }
  return { question: words.join(' '), filter };
}
