import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { createAnswerLog } from '../../../data/knowledge/answer-log.ts';
import { createChromaStore, type VectorStore } from '../../../data/knowledge/chroma-store.ts';
import { createHybridRetriever } from '../../../data/knowledge/hybrid-retriever.ts';
import { indexSources, type KnowledgeIndexDeps } from '../../../data/knowledge/index-sources.ts';
import { createLocalEmbedder } from '../../../data/knowledge/local-embedder.ts';
import { createPeopleFinder } from '../../../data/knowledge/people-finder.ts';
import { localFolderSource } from '../../../data/knowledge/sources/local-folder.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import { answerQuestion } from '../../../handlers/ask/answer-question.ts';
import type { AskPorts } from '../../../handlers/ask/types.ts';
import { openTestDatabase } from '../../support/database.ts';
import { copyFixtureDocs, fixtureQuestions, testChromaUrl } from '../../support/docs-fixture.ts';

describe('doc answers: indexing a folder into Chroma and searching it', function () {
  this.timeout(60_000);
  // A tenant of its own per run: Chroma collections outlive a test file within one `npm test`.
  const tenantId = `T-index-${randomUUID()}`;
  const otherTenant = `T-other-${randomUUID()}`;
  let connection: Connection;
  let models: Models;
  let store: VectorStore;
  let deps: KnowledgeIndexDeps;
  let folder: string;
  let retriever: ReturnType<typeof createHybridRetriever>;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    const embedder = createLocalEmbedder();
    store = createChromaStore(testChromaUrl(), embedder.id);
    deps = {
      documents: models.KnowledgeDocument,
      chunks: models.KnowledgeChunk,
      revisions: models.KnowledgeRevision,
      store,
      embedder,
    };
    retriever = createHybridRetriever(deps);
    folder = await copyFixtureDocs();
  });
  after(async () => {
    await connection.close();
    await rm(folder, { recursive: true, force: true });
  });

  const source = () => localFolderSource(folder);
  const chromaCountMatchesDatabase = async (tenant: string) => {
    const chunks = await models.KnowledgeChunk.countDocuments({ tenantId: tenant });
    assert.equal(await store.count(tenant), chunks, 'Chroma and the database hold the same chunks');
    const documents = await models.KnowledgeDocument.find({ tenantId: tenant }).lean();
    assert.equal(
      documents.reduce((sum, document) => sum + document.chunkIds.length, 0),
      chunks,
    );
  };

  it('indexes every markdown file, with owners from CODEOWNERS, and reports progress', async () => {
    const progress: number[] = [];
    const summary = await indexSources(tenantId, [source()], deps, (step) => progress.push(step.done));
    assert.deepEqual(
      { added: summary.added, updated: summary.updated, removed: summary.removed },
      { added: 7, updated: 0, removed: 0 },
    );
    assert.ok(summary.chunks >= 10, `${summary.chunks} chunks`);
    assert.deepEqual(progress, [0, 1, 2, 3, 4, 5, 6, 7]);
    await chromaCountMatchesDatabase(tenantId);
    const deploy = await models.KnowledgeDocument.findOne({ tenantId, path: 'docs/deploy.md' }).lean();
    assert.deepEqual(deploy?.owners, ['@alice']);
    const runbook = await models.KnowledgeDocument.findOne({ tenantId, path: 'runbooks/oncall.md' }).lean();
    assert.deepEqual(runbook?.owners, ['@acme/sre', '@bob']);
  });

  it('finds the expected source in the top 3 for every fixture question (hybrid)', async () => {
    for (const { question, expected } of await fixtureQuestions()) {
      const passages = await retriever.search(tenantId, question, { limit: 3 });
      assert.ok(
        passages.some((passage) => passage.path === expected),
        `${question} → ${passages.map((passage) => passage.path).join(', ')}`,
      );
    }
  });

  it('cites the exact lines of a passage, and never splits a code block', async () => {
    const [top] = await retriever.search(tenantId, 'roll back a deploy rollback', { limit: 1 });
    assert.equal(top?.path, 'docs/deploy.md');
    assert.deepEqual(top.headingPath, ['Deploying', 'Roll back a deploy']);
    const lines = (await readFile(path.join(folder, 'docs/deploy.md'), 'utf8')).split('\n');
    assert.equal(lines[top.startLine - 1], '## Roll back a deploy');
    assert.equal(top.body, lines.slice(top.startLine - 1, top.endLine).join('\n'));
    assert.ok(top.url.endsWith(`docs/deploy.md#L${top.startLine}-L${top.endLine}`), top.url);
    assert.equal((top.body.match(/```/g) ?? []).length % 2, 0, 'fences come in pairs');
  });

  it('answers a hybrid search before the keyword index is built (dense only), then fuses once it is', async () => {
    // A new process: nothing built yet, and no waiting at all for the build.
    const restarted = createHybridRetriever({ ...deps, coldWaitMs: 0 });
    const question = 'How do I promote the Postgres replica?';
    const cold = await restarted.search(tenantId, question, {
      limit: 3,
      filter: { pathPrefix: 'runbooks/' },
    });
    const dense = await retriever.search(tenantId, question, {
      limit: 3,
      mode: 'dense',
      filter: { pathPrefix: 'runbooks/' },
    });
    assert.deepEqual(
      cold.map((passage) => passage.id),
      dense.map((passage) => passage.id),
      'dense ranking, passages read by id',
    );
    assert.equal(cold[0]?.path, 'runbooks/database-failover.md');
    assert.ok(cold[0]?.body.includes('pg_promote'));
    await restarted.warm(tenantId);
    const warm = await restarted.search(tenantId, question, {
      limit: 3,
      filter: { pathPrefix: 'runbooks/' },
    });
    assert.deepEqual(
      warm.map((passage) => passage.id),
      (await retriever.search(tenantId, question, { limit: 3, filter: { pathPrefix: 'runbooks/' } })).map(
        (passage) => passage.id,
      ),
      'hybrid once warm',
    );
  });

  it('ranks with dense-only and lexical-only too, and applies path, source and freshness filters', async () => {
    const question = 'How do I promote the Postgres replica?';
    for (const mode of ['dense', 'lexical'] as const) {
      const passages = await retriever.search(tenantId, question, { limit: 3, mode });
      assert.ok(passages.length > 0, mode);
    }
    const inRunbooks = await retriever.search(tenantId, 'deploy', {
      limit: 5,
      filter: { pathPrefix: 'runbooks/' },
    });
    assert.ok(inRunbooks.length > 0 && inRunbooks.every((passage) => passage.path.startsWith('runbooks/')));
    assert.deepEqual(
      await retriever.search(tenantId, 'deploy', { limit: 5, filter: { source: 'github:acme/none' } }),
      [],
    );
    const future = new Date(Date.now() + 86_400_000);
    assert.deepEqual(
      await retriever.search(tenantId, 'deploy', { limit: 5, filter: { updatedSince: future } }),
      [],
    );
  });

  it('says it does not know, shows the closest sources and suggests code owners', async () => {
    const ports: AskPorts = {
      knowledge: retriever,
      people: createPeopleFinder(models.KnowledgeDocument),
      answers: createAnswerLog(models.AnswerRecord, models.KnowledgeChunk),
    };
    const actor = { surface: 'slack' as const, tenantId, userId: 'U1' };
    const unknown = await answerQuestion(
      { actor, name: 'ask', args: [], rawArgs: 'What is the office wifi password for guests?' },
      ports,
    );
    assert.equal(unknown.view.kind, 'answer');
    assert.ok(unknown.view.kind === 'answer');
    assert.equal(unknown.view.mode, 'unknown');
    assert.match(unknown.view.text, /I don't know/);
    assert.ok(unknown.view.people.length > 0, 'someone to ask');
    assert.ok(unknown.view.people.every((person) => person.name.startsWith('@')));

    const known = await answerQuestion(
      { actor, name: 'ask', args: [], rawArgs: 'How do I roll back a billing-api deploy?' },
      ports,
    );
    assert.ok(known.view.kind === 'answer');
    assert.equal(known.view.mode, 'extractive');
    assert.match(known.view.text, /--rollback/);
    assert.equal(known.view.citations[0]?.number, 1);
    assert.match(known.view.citations[0]!.location, /^docs\/deploy\.md lines \d+–\d+$/);
    const record = await models.AnswerRecord.findOne({ tenantId, _id: known.view.answerId }).lean();
    assert.equal(record?.citations[0]?.path, 'docs/deploy.md');
  });

  it('re-indexes only what changed, and drops edited-away and deleted content', async () => {
    const unchanged = await indexSources(tenantId, [source()], deps);
    assert.deepEqual(
      { unchanged: unchanged.unchanged, chunks: unchanged.chunks },
      { unchanged: 7, chunks: 0 },
    );

    const deployFile = path.join(folder, 'docs/deploy.md');
    const text = await readFile(deployFile, 'utf8');
    await writeFile(
      deployFile,
      text.replace(
        'The canary takes 10% of traffic',
        'Deploys are frozen on Fridays. The canary takes 25% of traffic',
      ),
    );
    await rm(path.join(folder, 'runbooks/oncall.md'));
    const changed = await indexSources(tenantId, [source()], deps);
    assert.deepEqual(
      { updated: changed.updated, removed: changed.removed, unchanged: changed.unchanged },
      { updated: 1, removed: 1, unchanged: 5 },
    );
    await chromaCountMatchesDatabase(tenantId);

    const [frozen] = await retriever.search(tenantId, 'are deploys frozen on Fridays?', { limit: 1 });
    assert.equal(frozen?.path, 'docs/deploy.md');
    assert.match(frozen.body, /25% of traffic/);
    const stale = await retriever.search(tenantId, 'canary takes 10% of traffic', { limit: 10 });
    assert.ok(
      stale.every((passage) => !passage.body.includes('10% of traffic')),
      'the old text left the index',
    );
    const gone = await retriever.search(tenantId, 'on-call handover rotation Monday escalation', {
      limit: 10,
    });
    assert.ok(gone.every((passage) => passage.path !== 'runbooks/oncall.md'));
    assert.equal(await models.KnowledgeChunk.countDocuments({ tenantId, path: 'runbooks/oncall.md' }), 0);
  });

  it('keeps tenants apart: another tenant sees none of these docs, in Chroma or in BM25', async () => {
    assert.deepEqual(await retriever.search(otherTenant, 'How do I deploy billing-api?', { limit: 5 }), []);
    const [embedding] = await createLocalEmbedder().embed(['deploy billing-api'], tenantId);
    assert.deepEqual(await store.query(otherTenant, embedding!, 5), []);
    await assert.rejects(
      store.upsert(otherTenant, [
        {
          id: 'x',
          embedding: embedding!,
          text: 'x',
          metadata: { tenantId, source: 's', path: 'p', updatedAt: 0 },
        },
      ]),
      /another tenant/,
    );
  });
});
