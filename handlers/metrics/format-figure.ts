import type { BandAnswer } from './classify-band.ts';
import type { Coverage } from './types.ts';

const HOUR_MS = 3600 * 1000;

/** A duration as people read it: minutes under an hour, hours under two days, then days. */
export function formatDuration(ms: number): string {
  if (ms < HOUR_MS) return `${Math.round(ms / 60_000)} min`;
  if (ms < 48 * HOUR_MS) return `${(ms / HOUR_MS).toFixed(1)} h`;
  return `${(ms / (24 * HOUR_MS)).toFixed(1)} days`;
}

export const formatShare = (share: number) => `${Math.round(share * 1000) / 10}%`;

export function formatCoverage(coverage: Coverage, what: string, how: string): string {
  if (coverage.total === 0) return `no ${what}`;
  return `${coverage.linked} of ${coverage.total} ${what} ${how} (${formatShare(coverage.share ?? 0)})`;
}

export const plural = (count: number, word: string, many = `${word}s`) =>
  `${count} ${count === 1 ? word : many}`;

/** The band's words and the step to the next one, in the figure's own unit. */
export function describeBand(band: BandAnswer, formatBy: (by: number) => string) {
  return {
    band: band.band,
    published: band.published,
    year: band.year,
    ...(band.next ? { next: `${formatBy(band.next.by)} to reach ${band.next.band}` } : {}),
  };
}

/**
 * How a figure moved against the previous period: "up from 3.1 / week", "about the same", with whether that
 * is better. Under 2% of change reads as the same (rollup percentiles are within 1%).
 */
export function describeTrend(
  current: number | null,
  previous: number | null,
  format: (value: number) => string,
  higherIsBetter: boolean,
): { text: string; better: boolean | null } | undefined {
  if (current === null || previous === null) return undefined;
  const scale = Math.max(Math.abs(current), Math.abs(previous));
  if (scale === 0 || Math.abs(current - previous) / scale < 0.02) {
    return { text: `about the same as the previous period (${format(previous)})`, better: null };
  }
  const up = current > previous;
  return { text: `${up ? 'up' : 'down'} from ${format(previous)}`, better: up === higherIsBetter };
}
