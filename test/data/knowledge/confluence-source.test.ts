import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { createChromaStore } from '../../../data/knowledge/chroma-store.ts';
import { createHybridRetriever } from '../../../data/knowledge/hybrid-retriever.ts';
import { indexSources, type KnowledgeIndexDeps } from '../../../data/knowledge/index-sources.ts';
import { createLocalEmbedder } from '../../../data/knowledge/local-embedder.ts';
import {
  confluenceSpaceSource,
  storageToMarkdown,
} from '../../../data/knowledge/sources/confluence-space.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import { FakeConfluence } from '../../fakes/confluence-api.ts';
import { openTestDatabase } from '../../support/database.ts';
import { testChromaUrl } from '../../support/docs-fixture.ts';

describe('doc answers: a Confluence space as a source (REST v2 against a fake)', function () {
  this.timeout(60_000);
  const tenantId = `T-confluence-${randomUUID()}`;
  const credentials = { email: 'bot@acme.example', apiToken: 'atlassian-token-123' };
  let confluence: FakeConfluence;
  let connection: Connection;
  let models: Models;
  let deps: KnowledgeIndexDeps;

  before(async () => {
    confluence = new FakeConfluence(credentials.email, credentials.apiToken);
    await confluence.http.start();
    confluence.pages = [
      {
        id: '1001',
        title: 'Incident process',
        version: 3,
        storage: '<h2>Declaring</h2><p>Type <code>/incident</code> in Slack &amp; pick a severity.</p>',
      },
      { id: '1002', title: 'Expense policy', version: 1, storage: '<p>Receipts within 30 days.</p>' },
      {
        id: '1003',
        title: 'Service restart',
        version: 7,
        storage:
          '<h2>Restart</h2><ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[kubectl rollout restart deploy/api]]></ac:plain-text-body></ac:structured-macro>',
      },
    ];
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    const embedder = createLocalEmbedder();
    deps = {
      documents: models.KnowledgeDocument,
      chunks: models.KnowledgeChunk,
      revisions: models.KnowledgeRevision,
      store: createChromaStore(testChromaUrl(), embedder.id),
      embedder,
    };
  });
  after(async () => {
    await connection.close();
    await confluence.http.stop();
  });

  const source = (space = 'ENG') =>
    confluenceSpaceSource({ baseUrl: confluence.http.url, space, ...credentials });

  it('turns storage format into markdown with headings and fenced code', () => {
    assert.equal(
      storageToMarkdown('<h2>A &amp; B</h2><p>x<br/>y</p><ul><li>one</li></ul>'),
      '## A & B\nx\ny\n\n- one',
    );
  });

  it('indexes every page across result pages, linking citations to the page', async () => {
    const summary = await indexSources(tenantId, [source()], deps);
    assert.equal(summary.added, 3);
    const [top] = await createHybridRetriever(deps).search(tenantId, 'how do I restart the api service?', {
      limit: 1,
    });
    assert.equal(top?.source, 'confluence:ENG');
    assert.match(top.body, /```\nkubectl rollout restart deploy\/api\n```/);
    assert.equal(top.url, `${confluence.http.url}/wiki/spaces/ENG/pages/1003/Service%20restart`);
  });

  it('re-indexes a page when its version changes, and drops deleted pages', async () => {
    confluence.pages[0] = { ...confluence.pages[0]!, version: 4, storage: '<p>Use the incident bot.</p>' };
    confluence.pages.splice(1, 1);
    const summary = await indexSources(tenantId, [source()], deps);
    assert.deepEqual(
      { updated: summary.updated, removed: summary.removed, unchanged: summary.unchanged },
      { updated: 1, removed: 1, unchanged: 1 },
    );
  });

  it('leaves the index alone when Confluence is down or the space is gone, instead of deleting everything', async () => {
    confluence.down = true;
    try {
      const summary = await indexSources(tenantId, [source()], deps);
      assert.match(summary.failedSources[0]?.error ?? '', /503/);
    } finally {
      confluence.down = false;
    }
    const missing = await indexSources(tenantId, [source('NOPE')], deps);
    assert.match(missing.failedSources[0]?.error ?? '', /space NOPE not found/);
    assert.equal(await models.KnowledgeDocument.countDocuments({ tenantId, source: 'confluence:ENG' }), 2);
  });
});
