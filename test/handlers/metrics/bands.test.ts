import assert from 'node:assert/strict';
import { DORA_BANDS, type BandMetric, type ReportYear } from '../../../handlers/metrics/bands.ts';
import { classifyBand } from '../../../handlers/metrics/classify-band.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('DORA bands', () => {
  it('hold four bands per metric for 2021, 2023 and 2024, each citing its source, and none for rework', () => {
    for (const year of [2021, 2023, 2024] as ReportYear[]) {
      for (const metric of [
        'deploymentFrequency',
        'leadTime',
        'recoveryTime',
        'changeFailureRate',
      ] as BandMetric[]) {
        const rows = DORA_BANDS.filter((row) => row.year === year && row.metric === metric);
        assert.deepEqual(
          rows.map((row) => row.band),
          ['elite', 'high', 'medium', 'low'],
          `${year} ${metric}`,
        );
        for (const row of rows) {
          assert.match(row.source, new RegExp(`State of DevOps.*${year}|${year}.*State of DevOps`));
          assert.ok(row.published.length > 0);
        }
      }
    }
    assert.equal(DORA_BANDS.length, 48);
    assert.throws(() => classifyBand('reworkRate' as BandMetric, 0.1), RangeError);
  });

  it('band deployment days per week and show the distance to the next band (default 2024)', () => {
    const weekly = classifyBand('deploymentFrequency', 3);
    assert.deepEqual(
      [weekly.year, weekly.band, weekly.published],
      [2024, 'high', 'Between once per day and once per week'],
    );
    assert.deepEqual([weekly.next?.band, weekly.next?.by], ['elite', 2]);
    assert.equal(classifyBand('deploymentFrequency', 5).band, 'elite');
    assert.equal(classifyBand('deploymentFrequency', 5).next, undefined);
    assert.equal(classifyBand('deploymentFrequency', 0.5).band, 'medium');
    assert.equal(classifyBand('deploymentFrequency', 0.1).band, 'low');
    // 2021 leaves "once a day" to "once a week" uncovered: 3 days a week is not on demand, so high.
    assert.equal(classifyBand('deploymentFrequency', 3, 2021).band, 'high');
  });

  it('band lead time: under a day is elite in 2023 and 2024 but only high in 2021 (elite < 1 hour)', () => {
    assert.equal(classifyBand('leadTime', 15 * HOUR).band, 'elite');
    assert.equal(classifyBand('leadTime', 15 * HOUR, 2023).band, 'elite');
    const in2021 = classifyBand('leadTime', 15 * HOUR, 2021);
    assert.deepEqual([in2021.band, in2021.next?.band, in2021.next?.by], ['high', 'elite', 14 * HOUR]);
    const slow = classifyBand('leadTime', 10 * DAY);
    assert.deepEqual([slow.band, slow.next?.band, slow.next?.by], ['medium', 'high', 3 * DAY]);
    assert.equal(classifyBand('leadTime', 60 * DAY).band, 'low');
  });

  it('step over a band that repeats the one above it (2024 medium recovery is high’s “less than one day”)', () => {
    const twoDays = classifyBand('recoveryTime', 2 * DAY);
    assert.deepEqual([twoDays.band, twoDays.next?.band, twoDays.next?.by], ['low', 'high', DAY]);
    assert.equal(classifyBand('recoveryTime', 30 * 60 * 1000).band, 'elite');
  });

  it('place a change failure rate by the nearest published cluster value where no threshold exists', () => {
    const rate = classifyBand('changeFailureRate', 0.12);
    assert.deepEqual([rate.band, rate.basis, rate.next], ['medium', 'nearest', undefined]);
    assert.equal(classifyBand('changeFailureRate', 0.16).band, 'high');
    assert.equal(classifyBand('changeFailureRate', 0.3, 2023).band, 'medium');
    const in2021 = classifyBand('changeFailureRate', 0.2, 2021);
    assert.deepEqual([in2021.band, in2021.basis, in2021.next?.band], ['high', 'threshold', 'elite']);
    assert.ok(Math.abs(in2021.next!.by - 0.05) < 1e-12);
    // Above 30% is outside every 2021 range: low, the band left.
    assert.equal(classifyBand('changeFailureRate', 0.5, 2021).band, 'low');
    assert.equal(classifyBand('changeFailureRate', 0.5, 2021).next?.band, 'high');
  });
});
