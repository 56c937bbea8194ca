import {
  DORA_BANDS,
  type Band,
  type BandMetric,
  type BandRow,
  type Reach,
  type ReportYear,
} from './bands.ts';

export interface BandAnswer {
  band: Band;
  year: ReportYear;
  /** The report's own words for this band, and where they come from. */
  published: string;
  source: string;
  /** `nearest`: placed by the nearest published cluster value, not by a threshold. */
  basis: 'threshold' | 'nearest';
  /** What reaching the next better band takes: the value to reach, and how far it is from this one. */
  next?: { band: Band; published: string; reach: Reach; by: number };
}

const meets = (reach: Reach, value: number): boolean =>
  reach.kind === 'atLeast'
    ? value >= reach.value
    : reach.kind === 'below'
      ? value < reach.value
      : reach.kind === 'atMost'
        ? value <= reach.value
        : reach.kind === 'rest';

/** The band a figure falls in, for a report year (default 2024), with the distance to the next band. */
export function classifyBand(metric: BandMetric, value: number, year: ReportYear = 2024): BandAnswer {
  const rows = DORA_BANDS.filter((row) => row.year === year && row.metric === metric);
  if (rows.length === 0) throw new RangeError(`no DORA bands for ${metric} in ${year}`);
  if (rows.every((row) => row.reach.kind === 'typical')) {
    const nearest = [...rows].sort(
      (a, b) => distance(a, value) - distance(b, value) || rows.indexOf(a) - rows.indexOf(b),
    )[0]!;
    return answer(nearest, 'nearest');
  }
  const index = rows.findIndex((row) => meets(row.reach, value));
  const current = rows[index]!;
  // The next better band with a reach of its own: a band repeating this one's words is not a step up, and of
  // two bands sharing words the better one is the one reached.
  const sameReach = (a: BandRow, b: BandRow) => JSON.stringify(a.reach) === JSON.stringify(b.reach);
  const step = rows
    .slice(0, index)
    .reverse()
    .find((row) => !sameReach(row, current));
  const better = step && rows.find((row) => sameReach(row, step));
  const result = answer(current, 'threshold');
  if (better && better.reach.kind !== 'rest' && better.reach.kind !== 'typical') {
    result.next = {
      band: better.band,
      published: better.published,
      reach: better.reach,
      by: Math.abs(better.reach.value - value),
    };
  }
  return result;
}

const distance = (row: BandRow, value: number) =>
  row.reach.kind === 'typical' ? Math.abs(row.reach.value - value) : Infinity;

const answer = (row: BandRow, basis: BandAnswer['basis']): BandAnswer => ({
  band: row.band,
  year: row.year,
  published: row.published,
  source: row.source,
  basis,
});
