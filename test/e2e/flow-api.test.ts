import assert from 'node:assert/strict';
import { FLOW_PATHS } from '../../bot/http/openapi/flow-paths.ts';
import { FLOW_FIGURES } from '../../handlers/flow/flow-view.ts';
import { seedFlowFacts } from '../support/flow-fixture.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const NOW = new Date('2026-12-03T10:00:00Z');
const HOUR = 3_600_000;

type Figure = {
  figure: string;
  unit: string;
  value: number | null;
  percentiles?: Record<string, number | null>;
  counts: Record<string, number>;
};

describe('REST: /v1/metrics/flow (tenant-scoped, token-authenticated, real database)', function () {
  this.timeout(60_000);
  let server: TestServer;
  let token: string;
  let otherToken: string;

  before(async () => {
    server = await startTestServer(import.meta.url, { FLOW_AGE_MODE: 'calendar' }, { now: () => NOW });
    await seedFlowFacts(server.models, 'T0FLOWAPI', NOW, { ana: { tool: 'slack', handle: 'U0ANA' } });
    token = (await server.models.ApiToken.issue('T0FLOWAPI', 'flow')).token;
    otherToken = (await server.models.ApiToken.issue('T0NOFLOW', 'other')).token;
  });
  after(() => server.close());

  const get = (path: string, bearer = token) =>
    fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${bearer}` } });

  it('answers every figure with its unit, percentiles and counts', async () => {
    const response = await get('/v1/metrics/flow?from=2026-11-19&to=2026-12-03T10:00:00Z');
    assert.equal(response.status, 200);
    const body = (await response.json()) as { ageMode: string; truncated: boolean; figures: Figure[] };
    assert.equal(body.ageMode, 'calendar');
    assert.deepEqual(
      body.figures.map((figure) => figure.figure),
      [...FLOW_FIGURES],
    );
    const turnaround = body.figures.find((figure) => figure.figure === 'turnaround')!;
    assert.deepEqual([turnaround.unit, turnaround.value, turnaround.counts.items], ['ms', HOUR, 2]);
    const size = body.figures.find((figure) => figure.figure === 'size')!;
    assert.deepEqual(size.percentiles, { p50: 40, p85: 40, p95: 40 });
    assert.deepEqual([size.counts.s, size.counts.m, size.counts.l], [1, 0, 1]);
    assert.equal(body.figures.find((figure) => figure.figure === 'wip')!.value, 3);
  });

  it('narrows to a repository and answers one figure', async () => {
    const response = await get('/v1/metrics/flow/throughput?repo=acme/api');
    assert.equal(response.status, 200);
    const body = (await response.json()) as Figure & { scope: unknown };
    assert.deepEqual([body.value, body.counts.pullRequests, body.counts.issues], [2, 2, 0]);
    assert.deepEqual(body.scope, { repo: 'acme/api' });
  });

  it("shows another tenant's token none of it", async () => {
    const body = (await (await get('/v1/metrics/flow', otherToken)).json()) as { figures: Figure[] };
    assert.ok(
      body.figures.every((figure) => figure.value === null || figure.value === 0),
      JSON.stringify(body.figures),
    );
  });

  it('refuses bad input with a 4xx that says what is wrong, and no token with a 401', async () => {
    const cases: [string, number, RegExp][] = [
      ['/v1/metrics/flow?from=yesterday', 400, /from/],
      ['/v1/metrics/flow?from=2026-12-01&to=2026-11-01', 400, /before/],
      ['/v1/metrics/flow?from=2024-01-01&to=2026-01-01', 400, /366 days/],
      ['/v1/metrics/flow?person=ana', 400, /person|Unrecognized/i],
      ['/v1/metrics/flow?repo=acme/nowhere', 404, /acme\/nowhere/],
      ['/v1/metrics/flow/speed', 404, /speed/],
    ];
    for (const [path, status, message] of cases) {
      const response = await get(path);
      assert.equal(response.status, status, path);
      assert.match(((await response.json()) as { error: { message: string } }).error.message, message, path);
    }
    assert.equal((await fetch(`${server.url}/v1/metrics/flow`)).status, 401);
  });

  it('is described for OpenAPI 3.1 with every figure', () => {
    assert.deepEqual(Object.keys(FLOW_PATHS), ['/v1/metrics/flow', '/v1/metrics/flow/{figure}']);
    const parameter = FLOW_PATHS['/v1/metrics/flow/{figure}'].get.parameters[0];
    assert.deepEqual(parameter.schema.enum, [...FLOW_FIGURES]);
  });
});
