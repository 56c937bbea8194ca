import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createStandupStore } from '../../data/standup/mongo-standup-store.ts';
import { DORA_METRICS } from '../../handlers/metrics/build-metric-answer.ts';
import { measureDora } from '../../handlers/metrics/measure-dora.ts';
import { generateOrg } from '../handlers/metrics/generate-org.ts';
import { createFixtureMetricsReader } from '../support/fixture-metrics-reader.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** Demo mode: the env API token belongs to the demo tenant. */
const TENANT = 'demo';
const TOKEN = 'metrics-api-token-0123456789abcdef';
const NOW = new Date('2026-10-20T12:00:00Z');
const ORG = generateOrg(9, 3, 56);

interface OpenApiDocument {
  openapi: string;
  paths: Record<
    string,
    { get: { responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> } }
  >;
  components: { schemas: Record<string, unknown> };
}

describe('REST: /v1/metrics/dora/* against the OpenAPI 3.1 document at /v1/openapi.json', function () {
  this.timeout(60_000);
  let server: TestServer;
  let document: OpenApiDocument;
  let ajv: InstanceType<typeof Ajv2020>;
  const validated = new Set<string>();

  before(async () => {
    server = await startTestServer(
      import.meta.url,
      { API_TOKEN: TOKEN },
      {
        now: () => NOW,
        metricsReader: createFixtureMetricsReader(ORG, {
          tenantId: TENANT,
          teamRepos: { platform: ['acme/svc0'] },
        }),
      },
    );
    await createStandupStore(server.models.Standup, server.models.StandupAnswer).create(
      TENANT,
      {
        name: 'Platform',
        surface: 'slack',
        reportChannel: 'C0PLATFORM',
        owner: { tool: 'slack', handle: 'U0BOB' },
        members: [{ tool: 'slack', handle: 'U0BOB' }],
        memberSource: { kind: 'people' },
        questions: [{ id: 'q1', text: 'What did you do?', kind: 'text' }],
        days: [1, 2, 3, 4, 5],
        promptTime: '09:30',
        deadlineTime: '11:00',
        reminderMinutes: null,
      },
      NOW,
    );
    // The document needs no token: it describes the routes and holds no tenant's data.
    const response = await fetch(`${server.url}/v1/openapi.json`);
    assert.equal(response.status, 200);
    document = (await response.json()) as OpenApiDocument;
    ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats.default(ajv);
    // The component schemas under the document's own pointers, so `#/components/schemas/…` resolves.
    ajv.addKeyword('components');
    ajv.addSchema({ $id: 'urn:em-agent:openapi', components: document.components });
  });
  after(() => server.close());

  /** The schema the document gives for a path and status, compiled. */
  function validatorOf(path: string, status: number) {
    const response = document.paths[path]?.get.responses[String(status)];
    assert.ok(response, `the document has no ${status} for ${path}`);
    const ref = response.content['application/json']!.schema.$ref;
    return ajv.getSchema(`urn:em-agent:openapi${ref}`)!;
  }

  async function call(path: string, query = '', token = TOKEN) {
    const response = await fetch(`${server.url}${path}${query}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const body: unknown = await response.json();
    const validate = validatorOf(path, response.status);
    assert.ok(
      validate(body),
      `${path}${query} → ${response.status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`,
    );
    validated.add(`${path} ${response.status}`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an answer the schema has just validated
    return { status: response.status, body: body as Record<string, any> };
  }

  it('serves an OpenAPI 3.1 document with one path per metric', () => {
    assert.equal(document.openapi, '3.1.0');
    assert.deepEqual(
      Object.keys(document.paths).sort(),
      DORA_METRICS.map((metric) => `/v1/metrics/dora/${metric}`).sort(),
    );
  });

  it('answers every route with the figure, unit, percentiles, band, coverage and counts, as the document says', async () => {
    const from = '2026-09-14';
    const to = '2026-10-12T00:00:00Z';
    const exact = measureDora(ORG, {}, { from: new Date(`${from}T00:00:00Z`), to: new Date(to) });
    for (const path of Object.keys(document.paths)) {
      for (const query of [
        '',
        `?from=${from}&to=${to}`,
        '?repo=acme/svc1',
        '?team=platform&from=2026-10-01',
        '?service=svc2',
      ]) {
        const { status, body } = await call(path, query);
        assert.equal(status, 200, `${path}${query}`);
        assert.ok('figure' in body && 'coverage' in body && 'counts' in body);
      }
    }
    const frequency = (await call('/v1/metrics/dora/deployment-frequency', `?from=${from}&to=${to}`)).body;
    assert.equal(frequency.counts.deployments, exact.deploymentFrequency.count);
    assert.equal(frequency.figure, exact.deploymentFrequency.perWeek);
    assert.equal(frequency.band.band, exact.deploymentFrequency.band.band);
    assert.deepEqual(frequency.range, { from: '2026-09-14T00:00:00.000Z', to: '2026-10-12T00:00:00.000Z' });
    const lead = (await call('/v1/metrics/dora/lead-time', `?from=${from}&to=${to}`)).body;
    assert.equal(lead.unit, 'hours');
    assert.equal(lead.counts.linkedPullRequests, exact.leadTime.coverage.linked);
    const hours = (exact.leadTime.leadTime.p90 ?? 0) / 3_600_000;
    assert.ok(Math.abs(lead.percentiles.p90 - hours) / hours < 0.02, 'p90 from the histogram within 2%');
    const cfr = (await call('/v1/metrics/dora/change-fail-rate', `?from=${from}&to=${to}`)).body;
    assert.deepEqual(
      [cfr.counts.failedDeployments, cfr.counts.deployments],
      [exact.changeFailureRate.failed, exact.changeFailureRate.deployments],
    );
    assert.deepEqual((await call('/v1/metrics/dora/mttr', '?team=PLATFORM')).body.scope, {
      kind: 'team',
      team: 'Platform',
    });
  });

  it('answers bad input with 4xx errors the document describes', async () => {
    const path = '/v1/metrics/dora/lead-time';
    const cases: [string, number, RegExp][] = [
      ['?from=yesterday', 400, /from: "yesterday" is not an ISO 8601 date/],
      ['?from=2026-02-30', 400, /not an ISO 8601 date/],
      ['?from=2026-10-01&to=2026-09-01', 400, /from must be before to/],
      ['?from=2020-01-01&to=2026-01-01', 400, /at most 731 days/],
      ['?team=platform&repo=acme/svc0', 400, /at most one of team, repo and service/],
      ['?repo=not-a-repo', 400, /repo: must be owner\/name/],
      ['?person=ana', 400, /Unrecognized key/],
      ['?team=a&team=b', 400, /team/],
      ['?team=nobody', 404, /no team called "nobody"/],
    ];
    for (const [query, status, message] of cases) {
      const answer = await call(path, query);
      assert.equal(answer.status, status, query);
      assert.match(answer.body.error.message, message, query);
    }
    assert.equal((await call(path, '', '')).status, 401);
    assert.equal((await call(path, '', 'not-a-token')).status, 401);
    const unknown = await fetch(`${server.url}/v1/metrics/dora/velocity`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(unknown.status, 404);
  });

  it('validated every route, and the validator does refuse a wrong answer', async () => {
    for (const path of Object.keys(document.paths)) assert.ok(validated.has(`${path} 200`), path);
    for (const status of [400, 401, 404])
      assert.ok(validated.has(`/v1/metrics/dora/lead-time ${status}`), String(status));
    const { body } = await call('/v1/metrics/dora/rework-rate');
    const validate = validatorOf('/v1/metrics/dora/rework-rate', 200);
    assert.equal(validate({ ...body, figure: 'high' }), false);
    assert.equal(validate({ ...body, band: { band: 'great' } }), false);
    assert.equal(validate({ ...body, person: 'ana' }), false);
  });
});
