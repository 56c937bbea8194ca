import { createHmac, timingSafeEqual } from 'node:crypto';

/** The lowercase hex HMAC-SHA256 of a body, as GitHub, Jira and PagerDuty sign webhooks. */
export function hmacSha256Hex(secret: string, body: Buffer | string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/** Constant-time comparison of two strings; different lengths are unequal without leaking where they differ. */
export function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type Verification =
  | { ok: true; method: 'hmac-sha256' | 'shared-secret' | 'pagerduty-v3' | 'atlassian-jwt' }
  | { ok: false; reason: string };
