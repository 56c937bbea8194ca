import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { DEMO_DATASET_VERSION, loadDemoDataset, summarizeTenant } from '../../../data/demo/load-demo.ts';
import { factModelsOf } from '../../../data/models/ingest-models.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { snapshotFacts } from '../../support/fact-snapshot.ts';

const silent = pino({ level: 'silent' });

describe('demo dataset (demo mode)', function () {
  this.timeout(180_000);
  let server: TestServer;

  before(async () => {
    server = await startTestServer(import.meta.url, {}, { demoData: true });
    await server.demoLoaded();
  });
  after(() => server.close());

  it('loads the canned team into the demo tenant through normalization and says so in the log', async () => {
    const deliveries = JSON.parse(
      readFileSync(new URL('../../../data/demo/events.json', import.meta.url), 'utf8'),
    );
    assert.equal(
      await server.models.EventRaw.countDocuments({
        tenantId: 'demo',
        'verification.method': 'demo-dataset',
      }),
      deliveries.length,
    );
    assert.equal(
      await server.models.EventPending.countDocuments({ tenantId: 'demo' }),
      0,
      'nothing left to normalize',
    );
    const summary = await summarizeTenant(server.models, 'demo');
    assert.equal(summary.repositories, 3);
    // At least: today's demo activity (add-demo-activity.ts) may already have started a sprint or an incident.
    assert.ok(summary.sprints >= 2);
    assert.ok(summary.incidents >= 3);
    assert.ok(summary.failedDeployments >= 1);
    assert.ok(summary.pullRequests > 60, `${summary.pullRequests} pull requests`);
    assert.ok(summary.openPullRequests >= 2);
    assert.ok(summary.people >= 8);
    const blocked = await server.models.JiraIssue.find({ tenantId: 'demo', flagged: true }).lean();
    assert.equal(blocked.length, 1);
    const ready = server.logs.find((line) => line.msg === 'demo team ready');
    assert.equal(ready?.repositories, 3);
    const tenant = await server.models.Tenant.findOne({ tenantId: 'demo' }).lean();
    assert.equal(tenant?.demoDataset, DEMO_DATASET_VERSION);
  });

  it('loads nothing twice: once recorded it is skipped, and a reload after a crash stores no duplicates', async () => {
    const before = await snapshotFacts(server.models, 'demo');
    const deps = {
      EventRaw: server.models.EventRaw,
      EventPending: server.models.EventPending,
      facts: factModelsOf(server.models),
      log: silent,
    };
    assert.equal(await loadDemoDataset(server.models, deps, 'demo'), undefined);
    await server.models.Tenant.updateOne({ tenantId: 'demo' }, { $unset: { demoDataset: '' } });
    assert.deepEqual(await loadDemoDataset(server.models, deps, 'demo'), { loaded: 0 });
    assert.deepEqual(await snapshotFacts(server.models, 'demo'), before);
  });
});
