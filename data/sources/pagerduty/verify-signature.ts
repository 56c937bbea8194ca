import { hmacSha256Hex, sameSecret, type Verification } from '../hmac.ts';

/**
 * PagerDuty v3: `X-PagerDuty-Signature: v1=<hex>,v1=<hex>`. During a secret rotation PagerDuty signs with each
 * active secret, so one matching entry is enough; every entry is compared so timing does not tell which matched.
 */
export function verifyPagerDutySignature(
  body: Buffer,
  secret: string,
  header: string | undefined,
): Verification {
  if (!header) return { ok: false, reason: 'missing X-PagerDuty-Signature header' };
  const signatures = header
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.startsWith('v1='));
  if (signatures.length === 0) return { ok: false, reason: 'X-PagerDuty-Signature holds no v1= signature' };
  const expected = `v1=${hmacSha256Hex(secret, body)}`;
  let matched = false;
  for (const signature of signatures) matched = sameSecret(signature.toLowerCase(), expected) || matched;
  return matched
    ? { ok: true, method: 'pagerduty-v3' }
    : { ok: false, reason: 'no X-PagerDuty-Signature entry matches the body' };
}
