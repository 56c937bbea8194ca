import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError } from '../../bot/errors.ts';
import { loadPolicyFile, parsePolicy } from '../../bot/load-policy-file.ts';

const VALID_POLICY = `# who may do what
actions:
  pr.merge:
    risk: high
    mode: require_approval
    quorum: 2
  pr.label:
    risk: low
    mode: auto
    ask_if_channel_public: true
limits:
  max_monthly_cost_usd: 50
`;

function policyErrorFor(text: string, source?: string): string {
  try {
    parsePolicy(text, source);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error.message;
  }
  assert.fail('parsePolicy accepted an invalid policy');
}

describe('parsePolicy', () => {
  it('returns typed rules and fills the limits it was not given', () => {
    const policy = parsePolicy(VALID_POLICY);
    assert.deepEqual(policy, {
      actions: {
        'pr.merge': { risk: 'high', mode: 'require_approval', quorum: 2 },
        'pr.label': { risk: 'low', mode: 'auto', ask_if_channel_public: true },
      },
      limits: { max_monthly_cost_usd: 50, max_channel_size_auto_post: 10, pii_redaction: 'strict' },
    });
  });

  it('fills every limit when the section is missing', () => {
    const policy = parsePolicy('actions:\n  pr.label: { risk: low, mode: auto }\n');
    assert.deepEqual(policy.limits, {
      max_monthly_cost_usd: 200,
      max_channel_size_auto_post: 10,
      pii_redaction: 'strict',
    });
  });

  it('names the line and the field path of a bad mode', () => {
    const message = policyErrorFor('actions:\n  pr.merge:\n    mode: sometimes\n    risk: high\n');
    assert.match(message, /^policy: line 3 actions\.pr\.merge\.mode: /);
    assert.match(message, /require_approval/);
  });

  it('names the line of a bad value deeper in the file', () => {
    const message = policyErrorFor(
      VALID_POLICY.replace('max_monthly_cost_usd: 50', 'max_monthly_cost_usd: -5'),
    );
    assert.match(message, /line 12 limits\.max_monthly_cost_usd: /);
  });

  it('uses the source it was given as the prefix', () => {
    const message = policyErrorFor(
      'actions:\n  pr.merge:\n    mode: sometimes\n    risk: high\n',
      'team.yaml',
    );
    assert.match(message, /^team\.yaml: line 3 /);
  });

  it('reports a YAML syntax error as one line naming the source and the reason', () => {
    const message = policyErrorFor('actions:\n  pr.merge:\n    risk: high\n  broken: [\n', 'team.yaml');
    assert.match(message, /^team\.yaml: line \d+: /);
    assert.match(message, /Flow sequence/);
    assert.doesNotMatch(message, /\n/);
  });

  it('rejects duplicate keys', () => {
    assert.match(policyErrorFor('actions: {}\nactions: {}\n'), /Map keys must be unique/);
  });

  it('rejects an unknown top-level key', () => {
    const message = policyErrorFor(`${VALID_POLICY}approvers: [alice]\n`);
    assert.match(message, /Unrecognized key: "approvers"/);
  });

  it('rejects an unknown field in a rule and names the rule', () => {
    const message = policyErrorFor(
      'actions:\n  pr.merge:\n    risk: high\n    mode: auto\n    when: always\n',
    );
    assert.match(message, /actions\.pr\.merge: Unrecognized key: "when"/);
  });

  it('reports a missing field by its path', () => {
    assert.match(policyErrorFor('actions:\n  pr.merge:\n    risk: high\n'), /actions\.pr\.merge\.mode: /);
  });

  it('rejects action names that are not dotted lower-case words', () => {
    assert.match(
      policyErrorFor('actions:\n  PR Merge:\n    risk: high\n    mode: auto\n'),
      /: line \d+ actions\.PR Merge: /,
    );
  });

  it('rejects a quorum outside 1..10 and an unknown risk', () => {
    assert.match(
      policyErrorFor('actions:\n  pr.merge: { risk: high, mode: require_approval, quorum: 0 }\n'),
      /actions\.pr\.merge\.quorum: /,
    );
    assert.match(policyErrorFor('actions:\n  pr.merge: { risk: extreme, mode: auto }\n'), /\.risk: /);
  });

  it('rejects an empty document', () => {
    assert.match(policyErrorFor(''), /^policy: /);
  });
});

describe('loadPolicyFile', () => {
  let directory: string;
  before(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'em-policy-'));
  });
  after(() => rm(directory, { recursive: true, force: true }));

  it('loads and validates a policy file', async () => {
    const file = path.join(directory, 'policy.yaml');
    await writeFile(file, VALID_POLICY);
    const policy = await loadPolicyFile(file);
    assert.equal(policy.actions['pr.merge']?.mode, 'require_approval');
    assert.equal(policy.limits.max_monthly_cost_usd, 50);
  });

  it('names POLICY_FILE, the path and the line when the file is invalid', async () => {
    const file = path.join(directory, 'bad.yaml');
    await writeFile(file, 'actions:\n  pr.merge:\n    mode: sometimes\n    risk: high\n');
    await assert.rejects(loadPolicyFile(file), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.message.split(': ')[0], `POLICY_FILE ${file}`);
      assert.match(error.message, /line 3 actions\.pr\.merge\.mode/);
      return true;
    });
  });

  it('gives a ConfigError naming POLICY_FILE when the file is missing', async () => {
    const missing = path.join(directory, 'missing.yaml');
    await assert.rejects(loadPolicyFile(missing), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.code, 'config_invalid');
      assert.equal(error.message, `POLICY_FILE: cannot read ${missing} (ENOENT)`);
      return true;
    });
  });
});
