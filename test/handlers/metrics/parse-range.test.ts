import assert from 'node:assert/strict';
import {
  parseRange,
  previousPeriod,
  startsRange,
  typedRange,
  weeksOf,
} from '../../../handlers/metrics/parse-range.ts';

/** A Wednesday afternoon. */
const NOW = new Date('2026-10-14T15:30:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function range(typed: string) {
  const parsed = parseRange(typed, NOW);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
  return {
    from: parsed.range.from.toISOString().slice(0, 10),
    to: parsed.range.to.toISOString().slice(0, 10),
    label: parsed.label,
  };
}

describe('parseRange', () => {
  it('defaults to the last 30 days, today included', () => {
    assert.deepEqual(range(''), { from: '2026-09-15', to: '2026-10-15', label: 'last 30 days' });
  });

  it('reads last Nd and Nw in any spelling', () => {
    assert.deepEqual(range('last 7d'), { from: '2026-10-08', to: '2026-10-15', label: 'last 7 days' });
    assert.deepEqual(range('LAST 1 day'), { from: '2026-10-14', to: '2026-10-15', label: 'last 1 day' });
    assert.deepEqual(range('last 6w'), { from: '2026-09-03', to: '2026-10-15', label: 'last 6 weeks' });
    assert.deepEqual(range('last  2 weeks'), { from: '2026-10-01', to: '2026-10-15', label: 'last 2 weeks' });
    assert.deepEqual(range('14d'), { from: '2026-10-01', to: '2026-10-15', label: 'last 14 days' });
    assert.deepEqual(range('4W'), { from: '2026-09-17', to: '2026-10-15', label: 'last 4 weeks' });
  });

  it("keeps to a surface's own default and longest range", () => {
    const flow = { defaultDays: 14, maxDays: 366 };
    const fallback = parseRange('', NOW, flow);
    assert.ok(fallback.ok);
    assert.equal(fallback.label, 'last 14 days');
    assert.equal(fallback.range.from.toISOString().slice(0, 10), '2026-10-01');
    const long = parseRange('last 400d', NOW, flow);
    assert.equal(long.ok, false);
    assert.match(long.ok ? '' : long.message, /longer than 366 days/);
    assert.ok(parseRange('last 400d', NOW).ok, '/dora reads two years');
  });

  it('writes a range back as dates that read as the same days', () => {
    const parsed = parseRange('last 7d', NOW);
    assert.ok(parsed.ok);
    assert.equal(typedRange(parsed.range), '2026-10-08..2026-10-14');
    const again = parseRange(typedRange(parsed.range), new Date('2026-10-20T09:00:00Z'));
    assert.ok(again.ok);
    assert.deepEqual(again.range, parsed.range);
  });

  it('reads a quarter, cut at the end of today while it runs', () => {
    assert.deepEqual(range('2026-Q3'), { from: '2026-07-01', to: '2026-10-01', label: '2026-Q3' });
    assert.deepEqual(range('2026-q4'), { from: '2026-10-01', to: '2026-10-15', label: '2026-Q4' });
    assert.deepEqual(range('2025-Q4'), { from: '2025-10-01', to: '2026-01-01', label: '2025-Q4' });
  });

  it('reads since DATE and DATE..DATE (both days included)', () => {
    assert.deepEqual(range('since 2026-09-01'), {
      from: '2026-09-01',
      to: '2026-10-15',
      label: 'since 2026-09-01',
    });
    assert.deepEqual(range('2026-09-01..2026-09-30'), {
      from: '2026-09-01',
      to: '2026-10-01',
      label: '2026-09-01 to 2026-09-30',
    });
    assert.deepEqual(range('2026-09-01 .. 2026-09-01'), {
      from: '2026-09-01',
      to: '2026-09-02',
      label: '2026-09-01 to 2026-09-01',
    });
  });

  it('explains what it cannot read, with examples', () => {
    const cases: [string, RegExp][] = [
      ['yesterday', /I can't read "yesterday" as a range\. Try `last 30d`/],
      ['last 0d', /at least one day/],
      ['since 2026-02-30', /"2026-02-30" is not a date/],
      ['2026-09-30..2026-09-01', /ends before it starts/],
      ['2026-Q5', /can't read/],
      ['2027-Q1', /has not started yet/],
      ['since 2026-11-01', /has not started yet/],
      ['last 800d', /longer than 731 days/],
      ['2026-09-01..soon', /needs two dates/],
    ];
    for (const [typed, message] of cases) {
      const parsed = parseRange(typed, NOW);
      assert.equal(parsed.ok, false, typed);
      assert.match(parsed.ok ? '' : parsed.message, message, typed);
    }
  });

  it('tells range words from scope words', () => {
    for (const word of ['last', 'SINCE', '14d', '4W', '2026-Q3', '2026-09-01..2026-09-30', '2026-09-01']) {
      assert.ok(startsRange(word), word);
    }
    for (const word of ['payments', 'acme/api', 'service', 'Q3', 'lastly', 'd14'])
      assert.ok(!startsRange(word), word);
  });

  it('gives the previous period of the same length and the weeks of a range', () => {
    const september = { from: day('2026-09-01'), to: day('2026-10-01') };
    assert.deepEqual(previousPeriod(september), { from: day('2026-08-02'), to: day('2026-09-01') });
    const weeks = weeksOf(september);
    assert.equal(weeks.length, 5);
    assert.deepEqual(weeks[0], { from: day('2026-09-01'), to: day('2026-09-08') });
    assert.deepEqual(weeks[4], { from: day('2026-09-29'), to: day('2026-10-01') }, 'the last week is cut');
    assert.equal(weeksOf({ from: day('2025-01-01'), to: day('2026-01-01') }).length, 26, 'at most 26');
  });
});
