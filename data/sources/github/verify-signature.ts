import { hmacSha256Hex, sameSecret, type Verification } from '../hmac.ts';

/** `X-Hub-Signature-256: sha256=<hex HMAC of the raw body>`; the SHA-1 header is never accepted. */
export function verifyGithubSignature(
  body: Buffer,
  secret: string,
  header: string | undefined,
): Verification {
  if (!header) return { ok: false, reason: 'missing X-Hub-Signature-256 header' };
  if (!/^sha256=[0-9a-f]{64}$/i.test(header))
    return { ok: false, reason: 'malformed X-Hub-Signature-256 header' };
  const expected = `sha256=${hmacSha256Hex(secret, body)}`;
  return sameSecret(header.toLowerCase(), expected)
    ? { ok: true, method: 'hmac-sha256' }
    : { ok: false, reason: 'X-Hub-Signature-256 does not match the body' };
}
