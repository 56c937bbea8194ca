import assert from 'node:assert/strict';
import {
  canonicalRequest,
  queryStringHash,
  verifyAtlassianJwt,
} from '../../../data/sources/jira/verify-jwt.ts';
import { connectClaims, qshOf, signAtlassianJwt } from '../../support/atlassian-jwt.ts';

const SECRET = 'connect-shared-secret-from-the-installed-callback';
const CLIENT_KEY = 'jira:15489595-6ed9-4d6c-a8f7-1cd3f6a4a2b8';
const HOOK = { method: 'POST', path: '/webhooks/jira/T0ACME', query: '' };
const NOW = new Date('2026-03-02T10:00:00Z');

describe('Atlassian Connect JWT (Jira app webhooks)', () => {
  it('builds the canonical request as Atlassian documents it, and hashes it with SHA-256', () => {
    // The two examples of Atlassian's "Query string hash" page, then its rules: method upper-cased, query
    // parameters sorted by name with repeated values sorted and joined by ",", RFC 3986 encoding (space is
    // %20, not +), the jwt parameter left out, a trailing slash dropped, "&" in the path escaped.
    assert.equal(canonicalRequest({ method: 'get', path: '/', query: 'param=foo' }), 'GET&/&param=foo');
    assert.equal(canonicalRequest({ method: 'POST', path: '/user', query: '' }), 'POST&/user&');
    assert.equal(
      canonicalRequest({ method: 'GET', path: '/a/b/', query: 'z=1&jwt=abc&a=c&a=b%20d&s=x*y' }),
      'GET&/a/b&a=b%20d,c&s=x%2Ay&z=1',
    );
    assert.equal(canonicalRequest({ method: 'GET', path: '', query: '' }), 'GET&/&');
    assert.equal(canonicalRequest({ method: 'GET', path: '/', query: 'q=a+b%2Bc' }), 'GET&/&q=a%20b%2Bc');
    assert.equal(canonicalRequest({ method: 'GET', path: '/a&b', query: '' }), 'GET&/a%26b&');
    // sha256("POST&/user&"), computed independently with `printf 'POST&/user&' | sha256sum`.
    assert.equal(
      queryStringHash({ method: 'POST', path: '/user', query: '' }),
      '18f9496a296abb418647d87857700529a1f4b2d18b4c1cfa77bbebdeeda6f068',
    );
    assert.equal(
      queryStringHash({ method: 'GET', path: '/', query: 'param=foo' }),
      '557b49d80f3f963f6bec47b74d9832d8d601d6ed0979476bdb35bae4abafb0a4',
    );
  });

  it('accepts a token signed with the shared secret for this request, issuer and time', () => {
    const token = signAtlassianJwt(
      connectClaims(CLIENT_KEY, 'POST&/webhooks/jira/T0ACME&', NOW.getTime()),
      SECRET,
    );
    assert.deepEqual(verifyAtlassianJwt(HOOK, SECRET, `JWT ${token}`, { clientKey: CLIENT_KEY, now: NOW }), {
      ok: true,
      method: 'atlassian-jwt',
    });
  });

  it('refuses forged, expired, wrong-request, wrong-issuer, unsigned and malformed tokens', () => {
    const claims = connectClaims(CLIENT_KEY, 'POST&/webhooks/jira/T0ACME&', NOW.getTime());
    const check = (authorization: string | undefined, at = NOW) =>
      verifyAtlassianJwt(HOOK, SECRET, authorization, { clientKey: CLIENT_KEY, now: at });
    const reasonOf = (verification: ReturnType<typeof check>) =>
      verification.ok ? 'ok' : verification.reason;

    assert.match(reasonOf(check(`JWT ${signAtlassianJwt(claims, 'another-secret')}`)), /signature/);
    const expired = { ...claims, iat: claims.iat - 600, exp: claims.iat - 31 };
    assert.match(reasonOf(check(`JWT ${signAtlassianJwt(expired, SECRET)}`)), /expired/);
    const skewed = { ...claims, exp: claims.iat - 20 }; // within the 30 s clock skew
    assert.equal(reasonOf(check(`JWT ${signAtlassianJwt(skewed, SECRET)}`)), 'ok');
    const otherPath = { ...claims, qsh: qshOf('POST&/webhooks/jira/T0OTHER&') };
    assert.match(reasonOf(check(`JWT ${signAtlassianJwt(otherPath, SECRET)}`)), /qsh/);
    const contextToken = { ...claims, qsh: 'context-qsh' };
    assert.match(reasonOf(check(`JWT ${signAtlassianJwt(contextToken, SECRET)}`)), /qsh/);
    const otherIssuer = { ...claims, iss: 'jira:someone-else' };
    assert.match(reasonOf(check(`JWT ${signAtlassianJwt(otherIssuer, SECRET)}`)), /iss/);
    const { exp: _exp, ...noExpiry } = claims;
    assert.match(reasonOf(check(`JWT ${signAtlassianJwt(noExpiry, SECRET)}`)), /exp/);
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    assert.match(reasonOf(check(`JWT ${none}`)), /signature or format/);
    assert.match(reasonOf(check(`JWT ${signAtlassianJwt(claims, SECRET, 'HS512')}`)), /signature or format/);
    assert.match(reasonOf(check(undefined)), /missing/);
    assert.match(reasonOf(check('Bearer abc')), /missing/);
    assert.match(reasonOf(check('JWT not.a.token')), /signature or format/);
  });
});
