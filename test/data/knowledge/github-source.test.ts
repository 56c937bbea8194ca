import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Octokit } from '@octokit/rest';
import type { Connection } from 'mongoose';
import { createChromaStore } from '../../../data/knowledge/chroma-store.ts';
import { createHybridRetriever } from '../../../data/knowledge/hybrid-retriever.ts';
import { indexSources, type KnowledgeIndexDeps } from '../../../data/knowledge/index-sources.ts';
import { createLocalEmbedder } from '../../../data/knowledge/local-embedder.ts';
import { gitHubRepoSource, isDocPath } from '../../../data/knowledge/sources/github-repos.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import { FakeGitHubContents } from '../../fakes/github-contents.ts';
import { openTestDatabase } from '../../support/database.ts';
import { testChromaUrl } from '../../support/docs-fixture.ts';

describe('doc answers: a GitHub repository as a source (octokit against a fake GitHub)', function () {
  this.timeout(60_000);
  const tenantId = `T-github-${randomUUID()}`;
  let github: FakeGitHubContents;
  let connection: Connection;
  let models: Models;
  let deps: KnowledgeIndexDeps;

  before(async () => {
    github = new FakeGitHubContents();
    await github.http.start();
    github.files = new Map([
      ['README.md', '# Payments\n\nCard payments for every product.\n'],
      [
        'docs/deploy.md',
        '# Deploy\n\n## Steps\n\nRun `make deploy` from a clean checkout.\n\nThen watch the canary.\n',
      ],
      ['runbooks/queue-backlog.md', '# Queue backlog\n\nScale the payout workers to 20 replicas.\n'],
      ['adr/0002-event-sourcing.md', '# ADR 2: Event sourcing\n\nWe keep an event log for the ledger.\n'],
      ['src/index.ts', 'export const deploy = 1;\n'],
      ['CHANGELOG.md', '# Changelog\n\nDeploy notes.\n'],
      ['.github/CODEOWNERS', '* @acme/payments\n/docs/ @carol\n'],
    ]);
    github.history.set('docs/deploy.md', [
      { login: 'dave', name: 'Dave', date: '2026-10-01T10:00:00Z' },
      { login: 'carol', name: 'Carol', date: '2026-09-01T10:00:00Z' },
      { login: 'dave', name: 'Dave', date: '2026-08-01T10:00:00Z' },
    ]);
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
    await github.http.stop();
  });

  const source = () =>
    gitHubRepoSource(new Octokit({ auth: 'ghp_faketoken', baseUrl: github.http.url }), {
      owner: 'acme',
      repo: 'payments',
    });

  it('picks READMEs, docs/, runbooks and ADRs, and nothing else', () => {
    assert.deepEqual(
      [
        'README.md',
        'docs/a.md',
        'runbooks/x.md',
        'ops/runbook-db.md',
        'adr/0001.md',
        'docs/adr/0003-x.md',
        'src/a.ts',
        'CHANGELOG.md',
        'docs/img.png',
      ].filter(isDocPath),
      ['README.md', 'docs/a.md', 'runbooks/x.md', 'ops/runbook-db.md', 'adr/0001.md', 'docs/adr/0003-x.md'],
    );
  });

  it('indexes the docs with the token, links citations to the pinned commit, and records owners and authors', async () => {
    const summary = await indexSources(tenantId, [source()], deps);
    assert.equal(summary.added, 4);
    assert.ok(
      github.http.requests.every((request) => request.headers.authorization === 'token ghp_faketoken'),
    );
    const [top] = await createHybridRetriever(deps).search(tenantId, 'how do I run make deploy?', {
      limit: 1,
    });
    assert.equal(top?.source, 'github:acme/payments');
    assert.equal(top.path, 'docs/deploy.md');
    assert.equal(
      top.url,
      `https://github.example/acme/payments/blob/${github.headSha}/docs/deploy.md#L${top.startLine}-L${top.endLine}`,
    );
    const deploy = await models.KnowledgeDocument.findOne({ tenantId, path: 'docs/deploy.md' }).lean();
    assert.deepEqual(deploy?.owners, ['@carol']);
    assert.deepEqual(deploy?.authors, ['@dave', '@carol']);
    assert.equal(deploy?.updatedAt.toISOString(), '2026-10-01T10:00:00.000Z');
  });

  it('on re-index reads only changed blobs, and drops deleted files', async () => {
    github.files.set('docs/deploy.md', '# Deploy\n\n## Steps\n\nRun `make release` now.\n');
    github.files.delete('runbooks/queue-backlog.md');
    github.commit();
    const before = github.blobRequests().length;
    const summary = await indexSources(tenantId, [source()], deps);
    assert.deepEqual(
      { updated: summary.updated, removed: summary.removed, unchanged: summary.unchanged },
      { updated: 1, removed: 1, unchanged: 2 },
    );
    // CODEOWNERS and the one changed doc.
    assert.equal(github.blobRequests().length - before, 2);
    assert.equal(
      await models.KnowledgeChunk.countDocuments({ tenantId, path: 'runbooks/queue-backlog.md' }),
      0,
    );
  });
});
