import assert from 'node:assert/strict';
import { verifyGithubSignature } from '../../../data/sources/github/verify-signature.ts';
import { hmacSha256Hex } from '../../../data/sources/hmac.ts';
import { verifyJiraSignature } from '../../../data/sources/jira/verify-signature.ts';
import { verifyPagerDutySignature } from '../../../data/sources/pagerduty/verify-signature.ts';

// The test vector from GitHub's "Validating webhook deliveries" documentation.
const GITHUB_SECRET = "It's a Secret to Everybody";
const GITHUB_PAYLOAD = Buffer.from('Hello, World!');
const GITHUB_SIGNATURE = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

describe('webhook signature verification', () => {
  describe('GitHub X-Hub-Signature-256', () => {
    it("accepts GitHub's documented test vector", () => {
      assert.deepEqual(verifyGithubSignature(GITHUB_PAYLOAD, GITHUB_SECRET, GITHUB_SIGNATURE), {
        ok: true,
        method: 'hmac-sha256',
      });
    });

    it('refuses forged, missing, malformed, other-secret and SHA-1 signatures', () => {
      const forged = GITHUB_SIGNATURE.replace(/.$/, '8');
      const stale = `sha256=${hmacSha256Hex('the secret before rotation', GITHUB_PAYLOAD)}`;
      for (const header of [
        forged,
        undefined,
        'sha256=abc',
        stale,
        'sha1=0123456789abcdef0123456789abcdef01234567',
      ]) {
        const result = verifyGithubSignature(GITHUB_PAYLOAD, GITHUB_SECRET, header);
        assert.equal(result.ok, false, String(header));
      }
      assert.equal(
        verifyGithubSignature(Buffer.from('Hello, World?'), GITHUB_SECRET, GITHUB_SIGNATURE).ok,
        false,
      );
    });
  });

  describe('PagerDuty v3 X-PagerDuty-Signature', () => {
    const body = Buffer.from('{"event":{"id":"01"}}');
    const sign = (secret: string) => `v1=${hmacSha256Hex(secret, body)}`;

    it('accepts any one matching v1= entry, so a secret can rotate', () => {
      assert.equal(verifyPagerDutySignature(body, 'new', `${sign('old')},${sign('new')}`).ok, true);
      assert.equal(verifyPagerDutySignature(body, 'new', `${sign('new')}, ${sign('old')}`).ok, true);
      assert.equal(verifyPagerDutySignature(body, 'new', sign('new')).ok, true);
    });

    it('refuses when no entry matches, when missing, or without v1= entries', () => {
      assert.equal(verifyPagerDutySignature(body, 'new', `${sign('old')},${sign('older')}`).ok, false);
      assert.equal(verifyPagerDutySignature(body, 'new', undefined).ok, false);
      assert.equal(verifyPagerDutySignature(body, 'new', `v0=${hmacSha256Hex('new', body)}`).ok, false);
    });
  });

  describe('Jira', () => {
    const body = Buffer.from('{"webhookEvent":"jira:issue_updated"}');

    it('accepts an X-Hub-Signature HMAC or, without one, the ?secret= shared secret', () => {
      assert.deepEqual(
        verifyJiraSignature(body, 's3cret', `sha256=${hmacSha256Hex('s3cret', body)}`, undefined),
        {
          ok: true,
          method: 'hmac-sha256',
        },
      );
      assert.deepEqual(verifyJiraSignature(body, 's3cret', undefined, 's3cret'), {
        ok: true,
        method: 'shared-secret',
      });
    });

    it('refuses a wrong secret, a bad header even with a good query secret, and nothing at all', () => {
      assert.equal(verifyJiraSignature(body, 's3cret', undefined, 's3creT').ok, false);
      assert.equal(
        verifyJiraSignature(body, 's3cret', `sha256=${hmacSha256Hex('x', body)}`, 's3cret').ok,
        false,
      );
      assert.equal(verifyJiraSignature(body, 's3cret', undefined, undefined).ok, false);
    });
  });
});
