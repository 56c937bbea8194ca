import { createHash } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { sameSecret, type Verification } from '../hmac.ts';

/** Seconds of clock difference tolerated on `exp` and `iat` between Atlassian and this server. */
export const CLOCK_SKEW_SECONDS = 30;

export interface SignedRequest {
  method: string;
  /** The path the app was called at, relative to the app's base URL (no query). */
  path: string;
  /** The raw query string, without the leading `?` ('' when none). */
  query: string;
}

/** RFC 3986 percent-encoding, as Atlassian's canonical request uses (encodeURIComponent leaves !'()* alone). */
function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Query parameters decoded (`+` is a space, as servlet containers and Atlassian's own Node library read it),
 * sorted by name, repeated values sorted and joined with ",", re-encoded; the `jwt` parameter left out.
 */
function canonicalQuery(query: string): string {
  const values = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(query)) {
    if (name === 'jwt') continue;
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  return [...values.entries()]
    .map(([name, list]) => [encodeRfc3986(name), list.map(encodeRfc3986).sort().join(',')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, list]) => `${name}=${list}`)
    .join('&');
}

/** `METHOD&/path&sorted=query`: what Atlassian hashes into the `qsh` claim. */
export function canonicalRequest(request: SignedRequest): string {
  let path = request.path || '/';
  if (!path.startsWith('/')) path = `/${path}`;
  if (path.length > 1) path = path.replace(/\/+$/, '') || '/';
  return [request.method.toUpperCase(), path.replace(/&/g, '%26'), canonicalQuery(request.query)].join('&');
}

/** The `qsh` claim: the SHA-256 hex digest of the canonical request. */
export function queryStringHash(request: SignedRequest): string {
  return createHash('sha256').update(canonicalRequest(request)).digest('hex');
}

/**
 * A Jira Connect app's webhook: `Authorization: JWT <token>`, HS256-signed with the installation's shared
 * secret, whose claims say who sent it (`iss`, the installation's client key), when it expires (`exp`), and
 * which request it is for (`qsh`), so a captured token cannot be replayed against another URL or after it expires.
 */
export function verifyAtlassianJwt(
  request: SignedRequest,
  sharedSecret: string,
  authorization: string | undefined,
  options: { clientKey?: string; now?: Date } = {},
): Verification {
  const token = /^JWT\s+(\S+)$/.exec(authorization ?? '')?.[1];
  if (!token) return { ok: false, reason: 'missing Authorization: JWT <token> header' };
  let claims: jwt.JwtPayload;
  try {
    const verified = jwt.verify(token, sharedSecret, {
      algorithms: ['HS256'],
      clockTolerance: CLOCK_SKEW_SECONDS,
      clockTimestamp: Math.floor((options.now ?? new Date()).getTime() / 1000),
    });
    if (typeof verified === 'string') return { ok: false, reason: 'the JWT carries no claims' };
    claims = verified;
  } catch (error) {
    const name = (error as Error).name;
    return {
      ok: false,
      reason: name === 'TokenExpiredError' ? 'the JWT has expired' : 'the JWT signature or format is invalid',
    };
  }
  if (typeof claims.exp !== 'number') return { ok: false, reason: 'the JWT has no exp claim' };
  if (typeof claims.iss !== 'string' || claims.iss === '')
    return { ok: false, reason: 'the JWT has no iss claim' };
  if (options.clientKey !== undefined && !sameSecret(claims.iss, options.clientKey)) {
    return { ok: false, reason: 'the JWT was issued by another installation (iss)' };
  }
  if (typeof claims.qsh !== 'string' || !sameSecret(claims.qsh, queryStringHash(request))) {
    return { ok: false, reason: 'the JWT is for another request (qsh)' };
  }
  return { ok: true, method: 'atlassian-jwt' };
}
