import assert from 'node:assert/strict';
import {
  RateLimitTooLongError,
  rateLimitResetWait,
  retryWaitOf,
  takeWait,
  withRetries,
  type HttpOutcome,
} from '../../../data/sources/backfill/retry-policy.ts';
import { parseLinkHeader } from '../../../data/sources/github/parse-link-header.ts';
import { recordingWaits } from '../../support/backfill-context.ts';

const NOW = Date.UTC(2026, 10, 1, 12);

describe('backfill retry policy', () => {
  const waits = recordingWaits({ now: () => NOW, backoffMs: 1000 });

  it('takes the wait from the headers: Retry-After first, then the rate-limit reset', () => {
    assert.deepEqual(retryWaitOf({ status: 429, headers: { 'retry-after': '30' } }, 0, waits), {
      ms: 30_000,
      reason: 'retry-after',
      status: 429,
    });
    const exhausted = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 90) };
    assert.equal(retryWaitOf({ status: 403, headers: exhausted }, 0, waits)?.ms, 90_000);
    assert.equal(retryWaitOf({ status: 429, headers: { 'ratelimit-reset': '12' } }, 0, waits)?.ms, 12_000);
  });

  it('backs off exponentially on 502/503/504 and a bare 429, and never retries other failures', () => {
    assert.deepEqual(
      [0, 1, 2].map((attempt) => retryWaitOf({ status: 503, headers: {} }, attempt, waits)?.ms),
      [1000, 2000, 4000],
    );
    assert.equal(retryWaitOf({ status: 429, headers: {} }, 0, waits)?.reason, 'backoff');
    for (const status of [400, 401, 403, 404, 422, 500]) {
      assert.equal(retryWaitOf({ status, headers: {} }, 0, waits), undefined, `status ${status}`);
    }
  });

  it('waits for the reset after a success that spent the last request of the window', () => {
    const last: HttpOutcome = {
      status: 200,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 5) },
    };
    assert.equal(rateLimitResetWait(last, NOW)?.ms, 5000);
    assert.equal(
      rateLimitResetWait({ status: 200, headers: { 'x-ratelimit-remaining': '1' } }, NOW),
      undefined,
    );
  });

  it('gives up after maxAttempts, and refuses a wait longer than maxWaitMs', async () => {
    let calls = 0;
    const failing = () => {
      calls += 1;
      return Promise.reject(Object.assign(new Error('bad gateway'), { status: 502 }));
    };
    const outcomeOf = (error: unknown) => ({ status: (error as { status: number }).status, headers: {} });
    await assert.rejects(withRetries(failing, outcomeOf, waits), /bad gateway/);
    assert.equal(calls, waits.maxAttempts);
    await assert.rejects(
      takeWait({ ms: 16 * 60_000, reason: 'retry-after' }, { ...waits, maxWaitMs: 15 * 60_000 }),
      (error: unknown) => error instanceof RateLimitTooLongError && /960 s/.test(error.message),
    );
  });

  it("reads GitHub's Link header: the next page and how many pages follow", () => {
    const link =
      '<https://api.github.com/repositories/1/pulls?page=3>; rel="next", ' +
      '<https://api.github.com/repositories/1/pulls?page=7>; rel="last"';
    assert.deepEqual(parseLinkHeader(link), {
      next: 'https://api.github.com/repositories/1/pulls?page=3',
      remainingPages: 5,
    });
    assert.deepEqual(parseLinkHeader(undefined), { next: undefined, remainingPages: undefined });
  });
});
