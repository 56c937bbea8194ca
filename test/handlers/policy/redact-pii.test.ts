import assert from 'node:assert/strict';
import {
  maskSecrets,
  redactorFor,
  redactPii,
  SECRET_MASK,
  type RedactionLevel,
} from '../../../handlers/policy/redact-pii.ts';

describe('redactPii', () => {
  it('replaces emails, phone numbers, keys and tokens with labelled placeholders', () => {
    const text = [
      'Mail maria.lopez@example.com or call +1 415 555 0199.',
      'Or (415) 555-0100.',
      'export STRIPE_API_KEY=sk-test-4eC39HqLyjWDarjtT1zdp7dc9',
      'slack xoxb-123456789012-abcdefghijkl and github ghp_0123456789abcdefghij0123456789abcdef',
      'aws AKIAIOSFODNN7EXAMPLE, header Authorization: Bearer abcdefghijklmnop0123',
      'password: hunter2hunter2',
      'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----',
    ].join('\n');
    const redacted = redactPii(text);
    for (const secret of [
      'maria.lopez',
      '555 0199',
      '555-0100',
      'sk-test-4eC39',
      'xoxb-1234',
      'ghp_0123',
      'AKIAIOSFODNN7EXAMPLE',
      'abcdefghijklmnop0123',
      'hunter2hunter2',
      'eyJhbGci',
      'MIIEpAIBAAKCAQEA',
    ]) {
      assert.ok(!redacted.includes(secret), `${secret} leaked: ${redacted}`);
    }
    assert.match(redacted, /\[redacted email\]/);
    assert.match(redacted, /\[redacted phone\]/);
    assert.match(redacted, /\[redacted private key\]/);
  });

  it('follows the policy level: off keeps contacts but never secrets; strict also removes identifiers', () => {
    const text =
      'Ask <@U0ALICE> or @bob.smith (bob@example.com, +1 415 555 0199) on 10.0.4.12; card 4111 1111 1111 1111; token ghp_0123456789abcdefghij0123456789abcdef; uses @slack/bolt';
    const off = redactPii(text, 'off');
    assert.ok(off.includes('bob@example.com') && off.includes('<@U0ALICE>'));
    assert.ok(!off.includes('ghp_0123'));
    const standard = redactPii(text, 'standard');
    assert.ok(!standard.includes('bob@example.com') && !standard.includes('555 0199'));
    assert.ok(standard.includes('10.0.4.12') && standard.includes('<@U0ALICE>'));
    const strict = redactPii(text, 'strict');
    for (const leaked of ['10.0.4.12', '4111 1111', '<@U0ALICE>', '@bob.smith']) {
      assert.ok(!strict.includes(leaked), `${leaked} leaked: ${strict}`);
    }
    assert.ok(strict.includes('@slack/bolt'), strict);
  });

  it('leaves ordinary technical text alone', () => {
    const text = 'Deploy v1.24.2 to port 8080 on 2026-11-24; the canary takes 10% for 15 minutes.';
    assert.equal(redactPii(text), text);
  });

  it('redacts for a model provider at the policy level, secrets at every level', () => {
    const text = 'dave@example.org, token xoxb-123456789012-abcdefghijkl, on 10.0.4.12';
    for (const level of ['off', 'standard', 'strict'] as RedactionLevel[]) {
      const redact = redactorFor({
        limits: { max_monthly_cost_usd: 1, max_channel_size_auto_post: 10, pii_redaction: level },
      });
      assert.equal(redact(text), redactPii(text, level));
      assert.ok(!redact(text).includes('xoxb-1234'), level);
    }
  });

  it('does not replace a value twice (`token=` then its placeholder)', () => {
    assert.equal(
      redactPii('token=ghp_0123456789abcdefghij0123456789abcdef', 'off'),
      'token=[redacted token]',
    );
  });

  it('masks secrets for storage, keeping the key name, line breaks and line numbers, and says where', () => {
    const text = [
      '# Setup',
      'export GITHUB_TOKEN=ghp_0123456789abcdefghij0123456789abcdef',
      'Mail oncall@example.com.',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----',
      'curl -H "Authorization: Bearer abcdefghijklmnop0123" and password: hunter2hunter2',
    ].join('\n');
    const masked = maskSecrets(text);
    assert.equal(masked.text.split('\n').length, text.split('\n').length);
    assert.deepEqual(masked.secretLines, [2, 4, 7]);
    for (const secret of ['ghp_0123', 'MIIEpAIBAAKCAQEA', 'abcdefghijklmnop0123', 'hunter2hunter2']) {
      assert.ok(!masked.text.includes(secret), `${secret} kept: ${masked.text}`);
    }
    assert.ok(masked.text.includes(`GITHUB_TOKEN=${SECRET_MASK}`), masked.text);
    assert.ok(masked.text.includes(`Bearer ${SECRET_MASK}`), masked.text);
    assert.ok(masked.text.includes(`password: ${SECRET_MASK}`), masked.text);
    assert.ok(masked.text.includes('oncall@example.com'), 'contacts are not secrets');
    assert.deepEqual(maskSecrets('Deploy v1.24.2 to port 8080.'), {
      text: 'Deploy v1.24.2 to port 8080.',
      secretLines: [],
    });
  });
});
