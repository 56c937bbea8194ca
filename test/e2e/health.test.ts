import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../support/server.ts';

describe('health, readiness and metrics endpoints', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(import.meta.url);
  });
  after(() => server.close());

  it('answers /healthz and reports the database in /readyz', async () => {
    const health = await fetch(`${server.url}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    assert.equal(ready.status, 200);
    const body = (await ready.json()) as Record<string, unknown>;
    assert.equal(body.database, 'ok');
    assert.equal(body.status, 'ready');
  });

  it('counts requests by route template in /metrics', async () => {
    await fetch(`${server.url}/healthz`);
    await fetch(`${server.url}/no/such/path/123`);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    assert.match(metrics, /em_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
    assert.match(metrics, /em_http_requests_total\{method="GET",route="unmatched",status="404"\} 1/);
    assert.match(metrics, /em_http_request_duration_seconds_bucket/);
    assert.match(metrics, /process_cpu_user_seconds_total/);
  });

  it('never labels metrics with a raw path, even for requests refused before a route matched', async () => {
    for (const id of ['a1', 'b2', 'c3']) await fetch(`${server.url}/v1/approvals/${id}`);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    assert.match(metrics, /em_http_requests_total\{method="GET",route="\/v1\*",status="401"\} 3/);
    assert.doesNotMatch(metrics, /route="\/v1\/approvals/);
  });

  it('answers unknown routes with a JSON 404 and echoes a sane request id', async () => {
    const response = await fetch(`${server.url}/nope`, { headers: { 'x-request-id': 'req-123' } });
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('x-request-id'), 'req-123');
    const body = (await response.json()) as { error: { code: string } };
    assert.equal(body.error.code, 'not_found');
  });

  it('creates the demo tenant when no chat credentials are set', async () => {
    const tenant = await server.models.Tenant.findOne({ tenantId: 'demo' }).lean();
    assert.equal(tenant?.source, 'demo');
  });
});
