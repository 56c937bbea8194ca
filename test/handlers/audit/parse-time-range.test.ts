import assert from 'node:assert/strict';
import {
  InvalidTimeRangeError,
  parseTimeBound,
  parseTimeRange,
} from '../../../handlers/audit/parse-time-range.ts';

const iso = (date: Date) => date.toISOString();

function refused(options: { from?: string; to?: string }, message: RegExp): void {
  assert.throws(
    () => parseTimeRange(options),
    (error: Error) => {
      assert.ok(
        error instanceof InvalidTimeRangeError,
        `expected InvalidTimeRangeError, got ${String(error)}`,
      );
      assert.match(error.message, message);
      return true;
    },
  );
}

describe('export time ranges', () => {
  it('reads a date as midnight UTC, and as --to the end of that day', () => {
    assert.equal(iso(parseTimeBound('2025-01-31', '--from', 'from')), '2025-01-31T00:00:00.000Z');
    assert.equal(iso(parseTimeBound('2025-01-31', '--to', 'to')), '2025-02-01T00:00:00.000Z');
    assert.equal(iso(parseTimeBound('2024-12-31', '--to', 'to')), '2025-01-01T00:00:00.000Z');
  });

  it('reads times with Z or an offset, with or without seconds and milliseconds', () => {
    assert.equal(iso(parseTimeBound('2025-01-31T09:30Z', '--from', 'from')), '2025-01-31T09:30:00.000Z');
    assert.equal(iso(parseTimeBound('2025-01-31T09:30:15Z', '--to', 'to')), '2025-01-31T09:30:15.000Z');
    assert.equal(iso(parseTimeBound('2025-01-31T09:30:15.5Z', '--to', 'to')), '2025-01-31T09:30:15.500Z');
    assert.equal(iso(parseTimeBound('2025-01-31T09:30+02:00', '--from', 'from')), '2025-01-31T07:30:00.000Z');
    assert.equal(
      iso(parseTimeBound('2025-01-31T01:00:00-05:30', '--from', 'from')),
      '2025-01-31T06:30:00.000Z',
    );
  });

  it('knows leap years and years before 100', () => {
    assert.equal(iso(parseTimeBound('2024-02-29', '--from', 'from')), '2024-02-29T00:00:00.000Z');
    assert.equal(iso(parseTimeBound('0050-06-01', '--from', 'from')), '0050-06-01T00:00:00.000Z');
    refused({ from: '2100-02-29' }, /not a real date/);
  });

  it('builds a half-open range, either end optional', () => {
    assert.deepEqual(parseTimeRange({}), {});
    assert.deepEqual(parseTimeRange({ from: '2025-01-01', to: '2025-01-31' }), {
      from: new Date('2025-01-01T00:00:00.000Z'),
      to: new Date('2025-02-01T00:00:00.000Z'),
    });
    assert.deepEqual(parseTimeRange({ to: '2025-01-01T12:00Z' }), { to: new Date('2025-01-01T12:00:00Z') });
  });

  it('refuses what is not a date, with the option and what it expects', () => {
    refused({ from: 'yesterday' }, /^--from: "yesterday" is not a date; expected a date \(YYYY-MM-DD, UTC\)/);
    refused({ to: '2025-1-31' }, /^--to: "2025-1-31" is not a date/);
    refused({ from: '31/01/2025' }, /^--from: .* is not a date/);
    refused({ from: '2025-01-31T09:30:00.1234Z' }, /is not a date/);
    refused({ from: '' }, /^--from: "" is not a date/);
  });

  it('refuses impossible dates that Date would roll over', () => {
    refused({ from: '2025-02-30' }, /^--from: "2025-02-30" is not a real date and time$/);
    refused({ to: '2025-13-01' }, /^--to: "2025-13-01" is not a real date/);
    refused({ from: '2025-01-31T24:00Z' }, /not a real date/);
    refused({ from: '2025-01-31T09:60Z' }, /not a real date/);
    refused({ from: '2025-01-31T09:00+24:00' }, /not a real date/);
  });

  it('refuses a time without a zone instead of guessing the machine’s', () => {
    refused({ from: '2025-01-31T09:30' }, /^--from: "2025-01-31T09:30" has no time zone; add Z for UTC/);
  });

  it('refuses an empty or backwards range', () => {
    refused(
      { from: '2025-02-01', to: '2025-01-01' },
      /^--from \(2025-02-01T00:00:00.000Z\) must be before --to/,
    );
    refused({ from: '2025-01-01T00:00Z', to: '2025-01-01T00:00Z' }, /must be before --to/);
  });
});
