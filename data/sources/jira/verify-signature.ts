import { hmacSha256Hex, sameSecret, type Verification } from '../hmac.ts';

/**
 * Jira Cloud webhooks registered with a secret send `X-Hub-Signature: sha256=<hex>` (HMAC of the raw body);
 * older set-ups (Automation, Jira Server) can only put a shared secret in the URL, as `?secret=`.
 * A signature header, when present, must match: a bad one is never rescued by the query secret.
 */
export function verifyJiraSignature(
  body: Buffer,
  secret: string,
  header: string | undefined,
  querySecret: string | undefined,
): Verification {
  if (header) {
    const match = /^sha256=([0-9a-f]{64})$/i.exec(header);
    if (!match) return { ok: false, reason: 'malformed X-Hub-Signature header' };
    return sameSecret(`sha256=${match[1]!.toLowerCase()}`, `sha256=${hmacSha256Hex(secret, body)}`)
      ? { ok: true, method: 'hmac-sha256' }
      : { ok: false, reason: 'X-Hub-Signature does not match the body' };
  }
  if (querySecret !== undefined) {
    return sameSecret(querySecret, secret)
      ? { ok: true, method: 'shared-secret' }
      : { ok: false, reason: 'the secret query parameter does not match' };
  }
  return { ok: false, reason: 'missing X-Hub-Signature header (or ?secret= for shared-secret set-ups)' };
}
