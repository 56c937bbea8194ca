/** How a backfill waits: injectable so tests record the waits the headers asked for without taking them. */
export interface Waits {
  sleep(ms: number): Promise<void>;
  now(): number;
  /** The longest single wait accepted; a provider asking for more fails the stream, to be resumed by a rerun. */
  maxWaitMs: number;
  /** Attempts per request, the first included, before a 429 or 5xx fails the stream. */
  maxAttempts: number;
  /** The first back-off after a 502/503/504, doubled on each further attempt. */
  backoffMs: number;
  /** Told of every wait taken, with what asked for it. */
  onWait?(wait: Wait): void;
}

export interface Wait {
  ms: number;
  reason: 'retry-after' | 'rate-limit-reset' | 'backoff';
  status?: number;
}

/** The status and headers of a failed (or, for the rate-limit check, successful) response. */
export interface HttpOutcome {
  status: number;
  headers: Record<string, string | number | undefined>;
}

export const DEFAULT_WAITS: Waits = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
  maxWaitMs: 15 * 60_000,
  maxAttempts: 5,
  backoffMs: 1_000,
};

const header = (outcome: HttpOutcome, name: string): string | undefined => {
  const value = outcome.headers[name] ?? outcome.headers[name.toLowerCase()];
  return value === undefined ? undefined : String(value);
};

/** Until GitHub's `x-ratelimit-reset` (Unix seconds) when `x-ratelimit-remaining` is 0; undefined otherwise. */
export function rateLimitResetWait(outcome: HttpOutcome, now: number): Wait | undefined {
  const reset = Number(header(outcome, 'x-ratelimit-reset'));
  if (header(outcome, 'x-ratelimit-remaining') !== '0' || !Number.isFinite(reset)) return undefined;
  return { ms: Math.max(0, reset * 1000 - now), reason: 'rate-limit-reset', status: outcome.status };
}

/**
 * How long to wait before retrying a failed request, or undefined when retrying cannot help. A 429 (or GitHub's
 * 403 secondary limit) waits what `Retry-After` says, else until `x-ratelimit-reset` (GitHub) or
 * `ratelimit-reset` seconds (PagerDuty); a 502/503/504 backs off exponentially.
 */
export function retryWaitOf(outcome: HttpOutcome, attempt: number, waits: Waits): Wait | undefined {
  const { status } = outcome;
  if (status === 429 || status === 403) {
    const retryAfter = Number(header(outcome, 'retry-after'));
    if (header(outcome, 'retry-after') !== undefined && Number.isFinite(retryAfter)) {
      return { ms: retryAfter * 1000, reason: 'retry-after', status };
    }
    const reset = rateLimitResetWait(outcome, waits.now());
    if (reset) return reset;
    const pagerDutyReset = Number(header(outcome, 'ratelimit-reset'));
    if (status === 429 && Number.isFinite(pagerDutyReset)) {
      return { ms: pagerDutyReset * 1000, reason: 'rate-limit-reset', status };
    }
    // A 403 without rate-limit headers is a permission problem; a bare 429 backs off like a 503.
    if (status === 403) return undefined;
  } else if (status !== 502 && status !== 503 && status !== 504) {
    return undefined;
  }
  return { ms: waits.backoffMs * 2 ** attempt, reason: 'backoff', status };
}

export class RateLimitTooLongError extends Error {
  readonly wait: Wait;

  constructor(wait: Wait, maxWaitMs: number) {
    super(
      `the API asked to wait ${Math.ceil(wait.ms / 1000)} s (${wait.reason}), longer than the ` +
        `${Math.ceil(maxWaitMs / 1000)} s allowed: run the backfill again later, it resumes where it stopped`,
    );
    this.wait = wait;
  }
}

export async function takeWait(wait: Wait, waits: Waits): Promise<void> {
  if (wait.ms > waits.maxWaitMs) throw new RateLimitTooLongError(wait, waits.maxWaitMs);
  waits.onWait?.(wait);
  await waits.sleep(wait.ms);
}

/**
 * Runs `call`, retrying what `retryWaitOf` says is worth a retry, at most `maxAttempts` times in all.
 * `outcomeOf` reads the status and headers off whatever the SDK throws (undefined: not an HTTP failure).
 */
export async function withRetries<T>(
  call: () => Promise<T>,
  outcomeOf: (error: unknown) => HttpOutcome | undefined,
  waits: Waits,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const outcome = outcomeOf(error);
      const wait =
        outcome && attempt + 1 < waits.maxAttempts ? retryWaitOf(outcome, attempt, waits) : undefined;
      if (!wait) throw error;
      await takeWait(wait, waits);
    }
  }
}
