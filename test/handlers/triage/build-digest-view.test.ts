import assert from 'node:assert/strict';
import { buildDigestView } from '../../../handlers/triage/build-digest-view.ts';
import type { DigestItem } from '../../../handlers/triage/notify-types.ts';

const item = (number: number, ageHours = 10): DigestItem => ({
  repo: 'acme/api',
  number,
  title: `Change ${number}`,
  url: `https://github.com/acme/api/pull/${number}`,
  signal: 'waiting-for-review',
  ageHours,
  waitingOn: ['ravi'],
});

describe('the triage digest view', () => {
  it("shows the morning's PRs as they are now, those gone as resolved, and no PR that came later", () => {
    const view = buildDigestView(
      'Platform',
      '2027-02-01',
      [item(1), item(2), item(3)],
      [item(4), item(3, 12), item(1, 11)],
    );
    assert.deepEqual(
      view.open.map((open) => [open.number, open.ageHours]),
      [
        [3, 12],
        [1, 11],
      ],
      "in the queue's order, with today's ages",
    );
    assert.deepEqual(
      view.resolved.map((resolved) => resolved.number),
      [2],
    );
  });

  it('is all resolved when none of the morning is left', () => {
    const view = buildDigestView('Platform', '2027-02-01', [item(1)], []);
    assert.deepEqual([view.open.length, view.resolved.length], [0, 1]);
  });
});
