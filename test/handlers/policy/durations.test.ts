import assert from 'node:assert/strict';
import { durationMs, formatDuration, parseDuration } from '../../../handlers/policy/durations.ts';

describe('durations', () => {
  it('parses each unit and combinations, largest unit first', () => {
    assert.equal(parseDuration('90s'), 90_000);
    assert.equal(parseDuration('30m'), 1_800_000);
    assert.equal(parseDuration('4h'), 14_400_000);
    assert.equal(parseDuration('2d'), 172_800_000);
    assert.equal(parseDuration('1h30m'), 5_400_000);
    assert.equal(parseDuration('1d2h3m4s'), 93_784_000);
  });

  it('rejects anything else', () => {
    for (const text of ['', '30', 'm', '1.5h', '30 m', '30M', '1m1h', '-1h', '1w', ' 1h']) {
      assert.equal(parseDuration(text), undefined, JSON.stringify(text));
    }
    assert.throws(() => durationMs('soon'), /not a duration: "soon"/);
  });

  it('formats back to the shortest text', () => {
    assert.equal(formatDuration(5_400_000), '1h30m');
    assert.equal(formatDuration(86_400_000), '1d');
    assert.equal(formatDuration(0), '0s');
    assert.equal(formatDuration(93_784_000), '1d2h3m4s');
  });
});
