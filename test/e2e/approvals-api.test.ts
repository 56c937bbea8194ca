import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Approval } from '../../handlers/approvals/types.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const TOKEN = 'approvals-api-token-0123456789abcdef';
const TENANT = 'demo';

const POLICY = `
actions:
  pr.label: { risk: low, mode: auto }
  issue.create.low: { risk: medium, mode: ask }
  pr.merge: { risk: high, mode: require_approval, quorum: 2 }
  incident.page: { risk: high, mode: require_approval }
  deploy.rollback: { risk: high, mode: require_approval, ttl: 2s }
tiers:
  high:
    approvers: { users: [slack:U0ALICE, slack:U0BOB, slack:U0CAROL] }
`;

type Json = Record<string, unknown>;
type ApprovalJson = Omit<Approval, 'tenantId' | 'version' | 'messages'>;

describe('approvals REST API (propose, decide, execute once, audit)', () => {
  let server: TestServer;
  const executed: { actionType: string; payload: unknown; key: string }[] = [];
  let failNext = false;

  before(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'em-approvals-'));
    const policyFile = join(dir, 'policy.yaml');
    await writeFile(policyFile, POLICY);
    const record = (actionType: string) => async (approval: Approval, key: string) => {
      // A slow executor widens the window in which a second run could start, if anything allowed one.
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (failNext) {
        failNext = false;
        throw new Error('GitHub answered 502');
      }
      executed.push({ actionType, payload: approval.proposed_payload, key });
      return { summary: `${actionType} done`, url: 'https://example.test/result' };
    };
    server = await startTestServer(
      import.meta.url,
      { API_TOKEN: TOKEN, POLICY_FILE: policyFile },
      {
        scheduler: { processEvery: 200 },
        executors: Object.fromEntries(
          [
            'pr.label',
            'issue.create.low',
            'pr.merge',
            'incident.page',
            'repo.archive',
            'deploy.rollback',
          ].map((type) => [type, record(type)]),
        ),
      },
    );
  });
  after(() => server.close());
  beforeEach(() => {
    executed.length = 0;
  });

  async function call(method: string, path: string, body?: unknown, token = TOKEN, extraHeaders = {}) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...extraHeaders,
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Json };
  }

  const propose = (body: Json) => call('POST', '/v1/actions/propose', body);
  const decide = (id: unknown, body: Json) => call('POST', `/v1/approvals/${String(id)}/decision`, body);
  const get = async (id: unknown) =>
    (await call('GET', `/v1/approvals/${String(id)}`)).body as unknown as ApprovalJson;

  const merge = {
    action_type: 'pr.merge',
    target_ref: 'github:acme/api#42',
    proposed_payload: { merge_method: 'squash' },
    requester: 'slack:U0DEV',
  };
  const page = {
    action_type: 'incident.page',
    target_ref: 'pagerduty:PSERVICE',
    proposed_payload: { service: 'checkout', message: 'p99 latency 3s' },
    requester: 'slack:U0DEV',
  };

  function errorOf(body: Json): { code: string; message: string } {
    return body.error as { code: string; message: string };
  }

  it('runs an auto action at once and says so: 201 with risk, mode, ttl and status', async () => {
    const { status, body } = await propose({
      action_type: 'pr.label',
      target_ref: 'github:acme/api#7',
      proposed_payload: { labels: ['needs-review'] },
      requester: 'api:triage-bot',
    });
    assert.equal(status, 201);
    assert.equal(body.risk, 'low');
    assert.equal(body.mode, 'auto');
    assert.equal(body.ttl, 0);
    assert.equal(body.status, 'approved');
    assert.equal((body.execution as { status: string }).status, 'succeeded');
    assert.deepEqual(
      executed.map((entry) => entry.actionType),
      ['pr.label'],
    );
    assert.equal(executed[0]!.key, `${TENANT}:${String(body.action_id)}`);
  });

  it('turns an auto action into ask when it would post to a large public channel', async () => {
    const { body } = await propose({
      action_type: 'pr.label',
      target_ref: 'github:acme/api#8',
      proposed_payload: { labels: ['x'] },
      requester: 'slack:U0DEV',
      channel: { name: '#general', is_public: true, member_count: 400 },
    });
    assert.equal(body.mode, 'ask');
    assert.equal(body.status, 'pending');
    assert.match(String((body.reasons as string[]).join(' ')), /#general has 400 members/);
    assert.equal(executed.length, 0);
  });

  it('mode ask: only the requester confirms, then it runs', async () => {
    const { body } = await propose({
      action_type: 'issue.create.low',
      target_ref: 'jira:OPS',
      proposed_payload: { title: 'Rotate the staging certificate' },
      requester: 'teams:0d9f1c3e-aaaa-4bbb-8ccc-123456789abc',
    });
    assert.equal(body.mode, 'ask');
    assert.equal(body.risk, 'medium');
    const other = await decide(body.action_id, { decision: 'approve', decided_by: 'slack:U0ALICE' });
    assert.equal(other.status, 403);
    assert.match(errorOf(other.body).message, /Only the person who asked/);
    const mine = await decide(body.action_id, {
      decision: 'approve',
      decided_by: 'teams:0D9F1C3E-AAAA-4BBB-8CCC-123456789ABC',
    });
    assert.equal(mine.status, 200);
    assert.equal((mine.body.approval as ApprovalJson).status, 'approved');
    assert.equal(executed.length, 1);
  });

  it('require_approval with a quorum of two: not the requester, not twice, then two approvers run it once', async () => {
    const { body } = await propose(merge);
    assert.equal(body.mode, 'require_approval');
    assert.equal(body.risk, 'high');
    assert.equal(body.ttl, 24 * 3600);
    const id = body.action_id;

    const own = await decide(id, { decision: 'approve', decided_by: 'slack:U0DEV' });
    assert.equal(own.status, 403);
    assert.match(errorOf(own.body).message, /You asked for this/);
    const outsider = await decide(id, { decision: 'approve', decided_by: 'slack:U0MALLORY' });
    assert.equal(outsider.status, 403);
    assert.match(errorOf(outsider.body).message, /Only approvers for high-risk actions/);

    const first = await decide(id, { decision: 'approve', decided_by: 'slack:U0ALICE' });
    assert.equal(first.status, 200);
    assert.match(String(first.body.message), /1 more approval needed/);
    const again = await decide(id, { decision: 'approve', decided_by: 'slack:U0ALICE' });
    assert.equal(again.status, 409);
    assert.match(errorOf(again.body).message, /2 different approvers/);
    assert.equal(executed.length, 0);

    const second = await decide(id, { decision: 'approve', decided_by: 'slack:U0BOB', reason: 'CI green' });
    assert.equal(second.status, 200);
    const approval = await get(id);
    assert.equal(approval.status, 'approved');
    assert.equal(approval.decided_by, 'slack:U0BOB');
    assert.equal(approval.reason, 'CI green');
    assert.equal(approval.execution.status, 'succeeded');
    assert.equal(approval.execution.url, 'https://example.test/result');
    assert.equal(executed.length, 1);

    const late = await decide(id, { decision: 'decline', decided_by: 'slack:U0CAROL' });
    assert.equal(late.status, 409);
    assert.match(errorOf(late.body).message, /already approved/);
  });

  it('treats an action the policy does not name as high risk needing approval', async () => {
    const { body } = await propose({ ...merge, action_type: 'repo.archive', proposed_payload: {} });
    assert.equal(body.risk, 'high');
    assert.equal(body.mode, 'require_approval');
    assert.match((body.reasons as string[])[0]!, /no rule for repo\.archive/);
  });

  it('a decline closes it with the reason and nothing runs', async () => {
    const { body } = await propose(page);
    const declined = await decide(body.action_id, {
      decision: 'decline',
      decided_by: 'slack:U0CAROL',
      reason: 'not during the freeze',
    });
    assert.equal(declined.status, 200);
    const approval = await get(body.action_id);
    assert.equal(approval.status, 'declined');
    assert.equal(approval.decision, 'decline');
    assert.equal(approval.reason, 'not during the freeze');
    assert.equal(approval.execution.status, 'not_started');
    assert.equal(executed.length, 0);
  });

  it('modify runs the changed payload, records both, and refuses a payload outside the action schema', async () => {
    const { body } = await propose(page);
    const bad = await decide(body.action_id, {
      decision: 'modify',
      decided_by: 'slack:U0ALICE',
      payload: { service: 'checkout', message: 'x', urgency: 'whenever' },
    });
    assert.equal(bad.status, 400);
    assert.match(errorOf(bad.body).message, /urgency/);
    const noPayload = await decide(body.action_id, { decision: 'modify', decided_by: 'slack:U0ALICE' });
    assert.equal(noPayload.status, 400);
    assert.match(errorOf(noPayload.body).message, /payload: modify needs the new payload/);

    const changed = { service: 'checkout', message: 'p99 latency 3s, paging the owner only', urgency: 'low' };
    const ok = await decide(body.action_id, {
      decision: 'modify',
      decided_by: 'slack:U0ALICE',
      payload: changed,
    });
    assert.equal(ok.status, 200);
    const approval = await get(body.action_id);
    assert.equal(approval.status, 'approved');
    assert.equal(approval.decision, 'modify');
    assert.deepEqual(approval.proposed_payload, changed);
    assert.deepEqual(approval.original_payload, { ...page.proposed_payload, urgency: 'high' });
    assert.deepEqual(executed[0]?.payload, changed);

    const entries = [];
    for await (const entry of server.approvals.ledger.read(TENANT)) {
      if (entry.subject === `approval:${String(body.action_id)}`) entries.push(entry);
    }
    const modify = entries.find((entry) => entry.verb === 'approval.decide');
    assert.equal(modify?.outcome, 'modified');
    assert.deepEqual((modify?.payload as Json).previous_payload, {
      ...page.proposed_payload,
      urgency: 'high',
    });
  });

  it('with 30 approvers racing on one approval, exactly one decision closes it and the action runs once', async () => {
    const { body } = await propose(page);
    const deciders = ['slack:U0ALICE', 'slack:U0BOB', 'slack:U0CAROL'];
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        decide(body.action_id, {
          decision: index % 5 === 0 ? 'decline' : 'approve',
          decided_by: deciders[index % deciders.length]!,
        }),
      ),
    );
    const winners = results.filter((result) => result.status === 200);
    assert.equal(winners.length, 1, JSON.stringify(results.map((result) => result.status)));
    for (const loser of results.filter((result) => result.status !== 200)) {
      assert.equal(loser.status, 409);
      assert.match(errorOf(loser.body).message, /already (approved|declined|decided)/);
    }
    const approval = await get(body.action_id);
    assert.equal(approval.decisions.length, 1);
    assert.equal(executed.length, approval.status === 'approved' ? 1 : 0);
  });

  it('a failed execution is recorded and reported, and never retried', async () => {
    const { body } = await propose(page);
    failNext = true;
    const decided = await decide(body.action_id, { decision: 'approve', decided_by: 'slack:U0BOB' });
    assert.equal(decided.status, 200);
    assert.match(String(decided.body.message), /Approved, but it failed: GitHub answered 502/);
    const again = await decide(body.action_id, { decision: 'approve', decided_by: 'slack:U0ALICE' });
    assert.equal(again.status, 409);
    const approval = await get(body.action_id);
    assert.equal(approval.execution.status, 'failed');
    assert.equal(executed.length, 0);
  });

  it('expires an undecided approval on schedule, and refuses a decision after expiry', async () => {
    const { body } = await propose({ ...page, action_type: 'deploy.rollback', proposed_payload: {} });
    assert.equal(body.ttl, 2);
    const deadline = Date.now() + 10_000;
    let approval = await get(body.action_id);
    while (approval.status === 'pending' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      approval = await get(body.action_id);
    }
    assert.equal(approval.status, 'expired');
    assert.equal(approval.reason, 'expired');
    assert.equal(approval.decided_by, 'system:expiry');
    const late = await decide(body.action_id, { decision: 'approve', decided_by: 'slack:U0ALICE' });
    assert.equal(late.status, 409);
    assert.match(errorOf(late.body).message, /expired/);
    assert.equal(executed.length, 0);
  });

  it('expires on a decision that arrives after the ttl even before the job ran', async () => {
    await server.scheduler.agenda.stop();
    try {
      const { body } = await propose({ ...page, action_type: 'deploy.rollback', proposed_payload: {} });
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      const late = await decide(body.action_id, { decision: 'approve', decided_by: 'slack:U0ALICE' });
      assert.equal(late.status, 409);
      assert.match(errorOf(late.body).message, /expired/);
      assert.equal((await get(body.action_id)).status, 'expired');
    } finally {
      await server.scheduler.agenda.start();
    }
  });

  it('policy.set is approval-gated: an invalid policy is refused with its line, a valid one applies once approved', async () => {
    const invalid = await propose({
      action_type: 'policy.set',
      target_ref: 'policy:demo',
      proposed_payload: { yaml: 'actions:\n  pr.merge: { risk: extreme, mode: auto }\n' },
      requester: 'slack:U0DEV',
    });
    assert.equal(invalid.status, 400);
    assert.match(errorOf(invalid.body).message, /line 2 actions\.pr\.merge\.risk/);

    const yaml = `${POLICY}  medium:\n    approvers: { users: [slack:U0MED] }\n`;
    const { body } = await propose({
      action_type: 'policy.set',
      target_ref: 'policy:demo',
      proposed_payload: { yaml },
      requester: 'slack:U0DEV',
    });
    assert.equal(body.mode, 'require_approval');
    assert.equal((await server.approvals.policies.inForce(TENANT)).source, 'file');
    const approved = await decide(body.action_id, { decision: 'approve', decided_by: 'slack:U0ALICE' });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const inForce = await server.approvals.policies.inForce(TENANT);
    assert.equal(inForce.source, 'tenant');
    assert.equal(inForce.updatedBy, 'slack:U0ALICE');
    assert.deepEqual(inForce.policy.tiers?.medium?.approvers?.users, ['slack:U0MED']);
    // Restore the file policy for the other tests: remove the tenant's own.
    await server.models.TenantPolicy.deleteOne({ tenantId: TENANT });
  });

  it('records every step in a hash chain that verifies, with the trace id as correlation id', async () => {
    const { body } = await propose(page);
    await decide(body.action_id, { decision: 'approve', decided_by: 'slack:U0ALICE' });
    const verbs: string[] = [];
    for await (const entry of server.approvals.ledger.read(TENANT)) {
      if (entry.subject !== `approval:${String(body.action_id)}`) continue;
      verbs.push(entry.verb);
      assert.equal(entry.correlation_id, body.trace_id);
    }
    assert.deepEqual(verbs, ['action.propose', 'approval.decide', 'action.execute']);
    const verification = await server.approvals.ledger.verify(TENANT);
    assert.equal(verification.ok, true);
  });

  it('logs the trace id on every line from proposal through decision to execution', async () => {
    const { body } = await propose(page);
    await decide(body.action_id, { decision: 'approve', decided_by: 'slack:U0CAROL' });
    const traced = server.logs.filter((line) => line.traceId === body.trace_id);
    const messages = traced.map((line) => line.msg);
    for (const message of ['action proposed', 'approval decided', 'action executed']) {
      assert.ok(messages.includes(message), `${message} in ${JSON.stringify(messages)}`);
    }
  });

  it('exports approval metrics: latency histogram, override rate and auto vs hitl counts', async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    assert.match(text, /approval_latency_ms_count\{outcome="approved"\} [1-9]/);
    assert.match(text, /approval_override_rate 0\.\d+/);
    assert.match(text, /auto_vs_hitl_counts\{path="auto",mode="auto"\} 1/);
    assert.match(text, /auto_vs_hitl_counts\{path="hitl",mode="require_approval"\} [1-9]/);
  });

  it('keeps tenants apart: another tenant cannot read or decide this one’s approvals', async () => {
    const { body } = await propose(page);
    const other = await server.models.ApiToken.issue('T0OTHER', 'other');
    const read = await call('GET', `/v1/approvals/${String(body.action_id)}`, undefined, other.token);
    assert.equal(read.status, 404);
    const decided = await call(
      'POST',
      `/v1/approvals/${String(body.action_id)}/decision`,
      { decision: 'approve', decided_by: 'slack:U0ALICE' },
      other.token,
    );
    assert.equal(decided.status, 404);
    assert.equal((await get(body.action_id)).status, 'pending');
  });

  it('a proposal retried with the same Idempotency-Key returns the first one and records it once', async () => {
    const headers = { 'idempotency-key': 'deploy-2026-11-24:retry-test' };
    const first = await call('POST', '/v1/actions/propose', page, TOKEN, headers);
    const again = await call('POST', '/v1/actions/propose', page, TOKEN, headers);
    assert.equal(first.status, 201);
    assert.equal(again.status, 200);
    assert.equal(again.body.action_id, first.body.action_id);
    let proposals = 0;
    for await (const entry of server.approvals.ledger.read(TENANT)) {
      if (entry.subject === `approval:${String(first.body.action_id)}`) proposals += 1;
    }
    assert.equal(proposals, 1);
    const other = await call('POST', '/v1/actions/propose', merge, TOKEN, headers);
    assert.equal(other.status, 400);
    assert.match(errorOf(other.body).message, /already used for a different proposal/);
    const badKey = await call('POST', '/v1/actions/propose', page, TOKEN, { 'idempotency-key': 'no spaces' });
    assert.equal(badKey.status, 400);
  });

  it('answers bad input with a 400 that names the field, and stores nothing', async () => {
    const before = await server.models.Approval.countDocuments({ tenantId: TENANT });
    const notJson = await call('POST', '/v1/actions/propose', '{not json');
    assert.equal(notJson.status, 400);
    assert.match(errorOf(notJson.body).message, /not valid JSON/);
    const missing = await propose({ action_type: 'pr.merge', requester: 'slack:U0DEV' });
    assert.equal(missing.status, 400);
    assert.match(errorOf(missing.body).message, /target_ref/);
    const badName = await propose({ ...merge, action_type: 'Merge Everything' });
    assert.equal(badName.status, 400);
    assert.match(errorOf(badName.body).message, /dotted lower-case action name/);
    const badPayload = await propose({ ...merge, proposed_payload: { merge_method: 'octopus' } });
    assert.equal(badPayload.status, 400);
    assert.match(errorOf(badPayload.body).message, /merge_method/);
    const badRequester = await propose({ ...merge, requester: 'bob' });
    assert.equal(badRequester.status, 400);
    const unstorable = await propose({
      ...merge,
      action_type: 'repo.archive',
      proposed_payload: { 'a.b': 1 },
    });
    assert.equal(unstorable.status, 400);
    const unknown = await decide('no-such-id', { decision: 'approve', decided_by: 'slack:U0ALICE' });
    assert.equal(unknown.status, 404);
    const badVerb = await decide('no-such-id', { decision: 'maybe', decided_by: 'slack:U0ALICE' });
    assert.equal(badVerb.status, 400);
    assert.equal(await server.models.Approval.countDocuments({ tenantId: TENANT }), before);
  });
});
