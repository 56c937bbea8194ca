import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeGitHubPulls } from '../fakes/github-pulls-api.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const TOKEN = 'approvals-github-token-0123456789abcdef';

describe('approved pull-request actions run on GitHub once (GITHUB_TOKEN, fake GitHub)', () => {
  const github = new FakeGitHubPulls();
  let server: TestServer;

  before(async () => {
    await github.http.start();
    const dir = await mkdtemp(join(tmpdir(), 'em-approvals-github-'));
    await writeFile(
      join(dir, 'policy.yaml'),
      `actions:
  pr.label: { risk: low, mode: auto }
  pr.merge: { risk: high, mode: require_approval }
tiers:
  high:
    approvers: { users: [slack:U0ALICE, slack:U0BOB, slack:U0CAROL] }
`,
    );
    server = await startTestServer(import.meta.url, {
      API_TOKEN: TOKEN,
      POLICY_FILE: join(dir, 'policy.yaml'),
      GITHUB_TOKEN: 'ghp_fake',
      GITHUB_API_URL: github.url,
    });
  });
  after(async () => {
    await server.close();
    await github.http.stop();
  });

  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('labels at once (auto) and merges once when three approvers click together', async () => {
    const label = await post('/v1/actions/propose', {
      action_type: 'pr.label',
      target_ref: 'github:acme/api#42',
      proposed_payload: { labels: ['ready'] },
      requester: 'api:triage',
    });
    assert.equal((label.body.execution as { status: string }).status, 'succeeded');
    assert.deepEqual(github.labels.get('acme/api#42'), ['ready']);

    const merge = await post('/v1/actions/propose', {
      action_type: 'pr.merge',
      target_ref: 'github:acme/api#42',
      proposed_payload: { merge_method: 'squash' },
      requester: 'slack:U0DEV',
    });
    const results = await Promise.all(
      ['slack:U0ALICE', 'slack:U0BOB', 'slack:U0CAROL'].map((decided_by) =>
        post(`/v1/approvals/${String(merge.body.action_id)}/decision`, { decision: 'approve', decided_by }),
      ),
    );
    assert.deepEqual(results.map((result) => result.status).sort(), [200, 409, 409]);
    const merges = github.http.requests.filter(
      (request) => request.path === '/repos/acme/api/pulls/42/merge',
    );
    assert.equal(merges.length, 1);
    assert.ok(github.merged.has('acme/api#42'));
    const winner = results.find((result) => result.status === 200)!;
    assert.match(String(winner.body.message), /Approved and done: merged acme\/api#42/);
  });
});
