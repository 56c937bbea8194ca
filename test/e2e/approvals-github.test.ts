import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runApprovedAction } from '../../handlers/approvals/run-approved-action.ts';
import { FakeGitHubPulls } from '../fakes/github-pulls-api.ts';
import { restartTestServer, startTestServer, type TestServer } from '../support/server.ts';

const TOKEN = 'approvals-github-token-0123456789abcdef';

const APPROVERS = ['slack:U0ALICE', 'slack:U0BOB', 'slack:U0CAROL', 'slack:U0DAVE'];

describe('approved pull-request actions run on GitHub once (GITHUB_TOKEN, fake GitHub)', () => {
  const github = new FakeGitHubPulls();
  let server: TestServer;
  let env: Record<string, string>;

  before(async () => {
    await github.http.start();
    const dir = await mkdtemp(join(tmpdir(), 'em-approvals-github-'));
    await writeFile(
      join(dir, 'policy.yaml'),
      `actions:
  pr.label: { risk: low, mode: auto }
  pr.merge: { risk: high, mode: require_approval }
  pr.comment.summary: { risk: high, mode: require_approval, quorum: 2 }
tiers:
  high:
    approvers: { users: [${APPROVERS.join(', ')}] }
`,
    );
    env = {
      API_TOKEN: TOKEN,
      POLICY_FILE: join(dir, 'policy.yaml'),
      GITHUB_TOKEN: 'ghp_fake',
      GITHUB_API_URL: github.url,
    };
    server = await startTestServer(import.meta.url, env);
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
  const decide = (id: unknown, decided_by: string) =>
    post(`/v1/approvals/${String(id)}/decision`, { decision: 'approve', decided_by });
  const stored = (id: unknown) => server.approvals.store.get('demo', String(id));
  const executions = (id: unknown) =>
    server.models.AuditEvent.countDocuments({
      tenantId: 'demo',
      subject: `approval:${String(id)}`,
      verb: 'action.execute',
    });

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

  it('posts a quorum-2 comment once when four approvers click together, and once after a retried click', async () => {
    const proposal = await post('/v1/actions/propose', {
      action_type: 'pr.comment.summary',
      target_ref: 'github:acme/api#43',
      proposed_payload: { body: 'Release notes' },
      requester: 'slack:U0DEV',
    });
    const id = proposal.body.action_id;
    const results = await Promise.all(APPROVERS.map((approver) => decide(id, approver)));
    // One decision counts, one closes and runs, two find the request already approved.
    assert.deepEqual(results.map((result) => result.status).sort(), [200, 200, 409, 409]);
    const closer = APPROVERS[results.findIndex((result) => /done/.test(String(result.body.message)))]!;
    const retried = await decide(id, closer);
    assert.equal(retried.status, 409);
    const posts = github.http.requests.filter(
      (request) => request.method === 'POST' && request.path === '/repos/acme/api/issues/43/comments',
    );
    assert.equal(posts.length, 1);
    assert.equal(github.comments.get('acme/api#43')?.length, 1);
    assert.equal((await stored(id))?.execution.status, 'succeeded');
    assert.equal(await executions(id), 1);
  });

  it('runs nothing twice across a restart between the approval and the run', async () => {
    const proposal = await post('/v1/actions/propose', {
      action_type: 'pr.merge',
      target_ref: 'github:acme/api#44',
      proposed_payload: { merge_method: 'squash' },
      requester: 'slack:U0DEV',
    });
    const id = String(proposal.body.action_id);
    // The write a closing decision makes before the run, and then the process stops.
    const pending = (await stored(id))!;
    const approved = await server.approvals.store.update('demo', id, pending.version, {
      status: 'approved',
      decided_by: 'slack:U0ALICE',
      decided_at: new Date(),
      decision: 'approve',
    });
    assert.equal(approved?.status, 'approved');
    await server.close();
    server = await restartTestServer(import.meta.url, env);
    // A stopped run is not resumed behind anyone's back, and a retried decision does not start it.
    const retries = await Promise.all(
      ['slack:U0ALICE', 'slack:U0BOB'].map((approver) => decide(id, approver)),
    );
    assert.deepEqual(
      retries.map((result) => result.status),
      [409, 409],
    );
    assert.equal(github.mergeCalls('acme/api#44'), 0);
    assert.equal((await stored(id))?.execution.status, 'not_started');

    // A run that did finish before the restart is not repeated after it either.
    const merge = await post('/v1/actions/propose', {
      action_type: 'pr.merge',
      target_ref: 'github:acme/api#45',
      proposed_payload: { merge_method: 'squash' },
      requester: 'slack:U0DEV',
    });
    const mergeId = merge.body.action_id;
    assert.equal((await decide(mergeId, 'slack:U0CAROL')).status, 200);
    await server.close();
    server = await restartTestServer(import.meta.url, env);
    assert.equal((await decide(mergeId, 'slack:U0CAROL')).status, 409);
    assert.equal((await decide(mergeId, 'slack:U0DAVE')).status, 409);
    assert.equal(github.mergeCalls('acme/api#45'), 1);
    assert.equal(await executions(mergeId), 1);
  });

  it('merges once when two instances run the same approved action at once', async () => {
    const proposal = await post('/v1/actions/propose', {
      action_type: 'pr.merge',
      target_ref: 'github:acme/api#46',
      proposed_payload: { merge_method: 'squash' },
      requester: 'slack:U0DEV',
    });
    const id = String(proposal.body.action_id);
    const pending = (await stored(id))!;
    const approved = (await server.approvals.store.update('demo', id, pending.version, {
      status: 'approved',
      decided_by: 'slack:U0ALICE',
      decided_at: new Date(),
      decision: 'approve',
    }))!;
    // A second instance on the same database, and both take the step a closing decision takes next.
    const second = await restartTestServer(import.meta.url, env);
    const runs = await Promise.allSettled([
      runApprovedAction(server.approvals, approved),
      runApprovedAction(second.approvals, approved),
    ]);
    await second.close();
    assert.equal(github.mergeCalls('acme/api#46'), 1);
    assert.deepEqual(
      runs.map((run) => run.status),
      ['fulfilled', 'fulfilled'],
    );
    assert.equal((await stored(id))?.execution.status, 'succeeded');
    assert.equal(await executions(id), 1);
  });
});
