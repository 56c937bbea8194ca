import assert from 'node:assert/strict';
import { headChecksOf } from '../../../data/triage/head-checks.ts';

const at = (iso: string) => new Date(iso);

describe("a head commit's combined check status", () => {
  it('is undefined without runs, pending while one runs, success when all passed or were skipped', () => {
    assert.equal(headChecksOf([]), undefined);
    assert.deepEqual(
      headChecksOf([
        { name: 'lint', status: 'completed', conclusion: 'success' },
        { name: 'test', status: 'in_progress' },
      ]),
      { checks: 'pending' },
    );
    assert.deepEqual(
      headChecksOf([
        { name: 'lint', status: 'completed', conclusion: 'success' },
        { name: 'deploy', status: 'completed', conclusion: 'skipped' },
        { name: 'docs', status: 'completed', conclusion: 'neutral' },
      ]),
      { checks: 'success' },
    );
  });

  it('fails on a failed, timed-out or cancelled run, from the first that completed', () => {
    assert.deepEqual(
      headChecksOf([
        {
          name: 'test',
          status: 'completed',
          conclusion: 'timed_out',
          completedAt: at('2026-12-04T11:00:00Z'),
        },
        { name: 'e2e', status: 'completed', conclusion: 'failure', completedAt: at('2026-12-04T10:00:00Z') },
        { name: 'lint', status: 'in_progress' },
      ]),
      { checks: 'failure', checksFailedAt: at('2026-12-04T10:00:00Z') },
    );
  });

  it('counts the newest run of each name, so a green re-run clears a failure', () => {
    const failed = {
      name: 'test',
      status: 'completed',
      conclusion: 'failure',
      startedAt: at('2026-12-04T10:00:00Z'),
      completedAt: at('2026-12-04T10:10:00Z'),
    };
    const rerun = { ...failed, conclusion: 'success', startedAt: at('2026-12-04T11:00:00Z') };
    assert.deepEqual(headChecksOf([rerun, failed]), { checks: 'success' });
    assert.equal(
      headChecksOf([failed, { ...rerun, status: 'queued', conclusion: undefined }])?.checks,
      'pending',
    );
  });
});
