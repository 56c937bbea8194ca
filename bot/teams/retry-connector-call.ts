import { setTimeout as sleep } from 'node:timers/promises';

/** Statuses the Bot Framework connector answers for a passing condition: throttled, a stale edit, a gateway hiccup. */
const RETRIED_STATUSES = new Set([412, 429, 502, 503, 504]);

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  tries: number;
  /** The first back-off; it doubles on each retry, with jitter, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const CONNECTOR_RETRY_POLICY: RetryPolicy = { tries: 5, baseDelayMs: 500, maxDelayMs: 8_000 };

/** The HTTP status of a failed connector call (a RestError from @azure/core-rest-pipeline), if it got one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** Retry-After in milliseconds (seconds or an HTTP date, as the header allows), when the response has one. */
function retryAfterMsOf(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get?(name: string): string | undefined } } } | null)
    ?.response?.headers;
  const value = headers?.get?.('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1_000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Exponential with "equal jitter" (half fixed, half random), so a crowd throttled together comes back spread out. */
function backOffMs(policy: RetryPolicy, retry: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/**
 * Runs a connector call, retrying only the passing statuses above: after Retry-After when the connector says
 * how long (plus a little jitter), else after an exponential back-off. Anything else, and the last failure,
 * is thrown to the caller.
 */
export async function callWithRetries<T>(
  call: () => Promise<T>,
  policy: RetryPolicy = CONNECTOR_RETRY_POLICY,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const status = statusOf(error);
      if (attempt >= policy.tries || status === undefined || !RETRIED_STATUSES.has(status)) throw error;
      const retryAfter = retryAfterMsOf(error);
      await sleep(
        retryAfter === undefined
          ? backOffMs(policy, attempt - 1)
          : retryAfter + Math.random() * policy.baseDelayMs * 0.2,
      );
    }
  }
}
