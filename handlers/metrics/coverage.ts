import type { Coverage } from './types.ts';

/** The share of items tied to what the figure needs (a PR to its deployment, an incident to its cause). */
export function coverageOf(linked: number, total: number): Coverage {
  return { linked, total, share: total === 0 ? null : linked / total };
}
