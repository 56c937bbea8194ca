import { createHash, createHmac } from 'node:crypto';

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** An HS256 JWT built by hand (not by the library under test), as Atlassian's docs describe "manually creating a JWT". */
export function signAtlassianJwt(claims: Record<string, unknown>, secret: string, alg = 'HS256'): string {
  const signingInput = `${base64url(JSON.stringify({ alg, typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
  return `${signingInput}.${base64url(createHmac('sha256', secret).update(signingInput).digest())}`;
}

/** The qsh of a canonical request string given literally, e.g. `POST&/webhooks/jira&`. */
export const qshOf = (canonical: string) => createHash('sha256').update(canonical).digest('hex');

/** Claims as Jira sends them with a Connect app's webhook: issued now, valid for three minutes. */
export function connectClaims(clientKey: string, canonical: string, now = Date.now()) {
  const iat = Math.floor(now / 1000);
  return { iss: clientKey, iat, exp: iat + 180, qsh: qshOf(canonical) };
}
