import assert from 'node:assert/strict';
import { demoOffsetMs, shiftDemoTime } from '../../../data/demo/shift-demo-time.ts';

const DAY = 86_400_000;

describe('moving the demo dataset to the present', () => {
  it('shifts ISO times in every format the providers use, and GitHub push seconds, keeping their format', () => {
    const payload = {
      pull_request: {
        created_at: '2026-11-20T09:30:00Z',
        title: 'Fix 2026-11-20T09:30:00Z parsing',
        number: 7,
      },
      issue: { fields: { created: '2026-11-19T08:00:00.000+0000', updated: '2026-11-19T08:00:00+0000' } },
      event: { occurred_at: '2026-11-18T10:00:00.123Z' },
      repository: { pushed_at: 1_795_000_000, id: 7_100_001, size: 1_795_000_000 },
      commits: [{ timestamp: '2026-11-20T09:00:00+00:00' }],
      sprint: { id: 42, startDate: '2026-11-09T08:00:00.000Z' },
    };
    const shifted = shiftDemoTime(payload, 3 * DAY);
    assert.deepEqual(shifted, {
      pull_request: {
        created_at: '2026-11-23T09:30:00Z',
        title: 'Fix 2026-11-20T09:30:00Z parsing',
        number: 7,
      },
      issue: { fields: { created: '2026-11-22T08:00:00.000+0000', updated: '2026-11-22T08:00:00+0000' } },
      event: { occurred_at: '2026-11-21T10:00:00.123Z' },
      repository: { pushed_at: 1_795_000_000 + 3 * 86_400, id: 7_100_001, size: 1_795_000_000 },
      commits: [{ timestamp: '2026-11-23T09:00:00+00:00' }],
      sprint: { id: 42, startDate: '2026-11-12T08:00:00.000Z' },
    });
    assert.equal(payload.pull_request.created_at, '2026-11-20T09:30:00Z', 'the input is left alone');
  });

  it('moves by whole days, never backwards', () => {
    assert.equal(demoOffsetMs('2026-11-20T17:00:00Z', new Date('2026-11-24T09:00:00Z')), 3 * DAY);
    assert.equal(demoOffsetMs('2026-11-20T17:00:00Z', new Date('2026-11-20T18:00:00Z')), 0);
    assert.equal(demoOffsetMs('2026-11-20T17:00:00Z', new Date('2026-10-01T00:00:00Z')), 0);
  });
});
