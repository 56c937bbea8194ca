import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { createChromaStore } from '../../../data/knowledge/chroma-store.ts';
import { createHybridRetriever } from '../../../data/knowledge/hybrid-retriever.ts';
import { indexSources, type KnowledgeIndexDeps } from '../../../data/knowledge/index-sources.ts';
import { createLocalEmbedder } from '../../../data/knowledge/local-embedder.ts';
import { localFolderSource } from '../../../data/knowledge/sources/local-folder.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import { SECRET_MASK } from '../../../handlers/policy/redact-pii.ts';
import { chromaDocuments } from '../../support/chroma-documents.ts';
import { openTestDatabase } from '../../support/database.ts';
import { testChromaUrl } from '../../support/docs-fixture.ts';

const GITHUB_TOKEN = 'ghp_R8x2Kq9LmN4pT7vW1yZ3bC5dF6gH0jA2sE4u';
const PRIVATE_KEY_LINE = 'MIIEowIBAAKCAQEAs3cr3tK3yL1n3';
const RUNBOOK = [
  '# Billing API runbook', // 1
  '',
  '## Roll back',
  '',
  'Run `deploy.sh billing-api --rollback` with the deploy token:', // 5
  '',
  '```sh',
  `export GITHUB_TOKEN=${GITHUB_TOKEN}`,
  '```',
  '', // 10
  'The signing key, for reference:',
  '',
  '```',
  '-----BEGIN RSA PRIVATE KEY-----',
  PRIVATE_KEY_LINE, // 15
  '-----END RSA PRIVATE KEY-----',
  '```',
  '',
  'Page dave@example.org when the rollback fails.', // 19
].join('\n');

describe('doc answers: secrets in docs are never indexed as secrets', function () {
  this.timeout(60_000);
  const tenantId = `T-secrets-${randomUUID()}`;
  const embedder = createLocalEmbedder();
  let connection: Connection;
  let models: Models;
  let deps: KnowledgeIndexDeps;
  let folder: string;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    deps = {
      documents: models.KnowledgeDocument,
      chunks: models.KnowledgeChunk,
      revisions: models.KnowledgeRevision,
      store: createChromaStore(testChromaUrl(), embedder.id),
      embedder,
    };
    folder = await mkdtemp(path.join(os.tmpdir(), 'em-agent-secrets-'));
    await writeFile(path.join(folder, 'billing.md'), RUNBOOK);
    await writeFile(path.join(folder, 'clean.md'), '# Clean\n\nNothing to hide here.\n');
  });
  after(async () => {
    await connection.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('masks them in the chunks, the keyword index and Chroma, with the lines still right', async () => {
    const summary = await indexSources(tenantId, [localFolderSource(folder)], deps);
    assert.equal(summary.added, 2);
    const chunks = await models.KnowledgeChunk.find({ tenantId, path: 'billing.md' }).lean();
    const lines = RUNBOOK.split('\n');
    for (const chunk of chunks) {
      assert.ok(!chunk.body.includes(GITHUB_TOKEN) && !chunk.body.includes(PRIVATE_KEY_LINE), chunk.body);
      // Each chunk still spans exactly its lines: a masked private key keeps its line breaks.
      assert.equal(chunk.body.split('\n').length, chunk.endLine - chunk.startLine + 1);
      assert.equal(chunk.body.split('\n')[0], lines[chunk.startLine - 1]);
    }
    const bodies = chunks.map((chunk) => chunk.body).join('\n');
    assert.ok(bodies.includes(`export GITHUB_TOKEN=${SECRET_MASK}`), bodies);
    assert.ok(bodies.includes('dave@example.org'), 'contacts stay for citations: they are not secrets');

    const retriever = createHybridRetriever(deps);
    const found = await retriever.search(tenantId, `roll back deploy token ${GITHUB_TOKEN}`, {
      limit: 5,
      mode: 'lexical',
    });
    assert.equal(found[0]?.path, 'billing.md');
    assert.ok(found.every((passage) => !passage.body.includes(GITHUB_TOKEN)));

    const stored = await chromaDocuments(testChromaUrl(), tenantId, embedder.id);
    assert.equal(stored.length, await models.KnowledgeChunk.countDocuments({ tenantId }));
    assert.ok(stored.every((text) => !text.includes(GITHUB_TOKEN) && !text.includes(PRIVATE_KEY_LINE)));
  });

  it("records where the secrets were, for `docs report` and the owner's digest", async () => {
    const billing = await models.KnowledgeDocument.findOne({ tenantId, path: 'billing.md' }).lean();
    assert.deepEqual(
      billing?.secrets?.map((secret) => secret.line),
      [8, 14],
    );
    assert.match(billing!.secrets![0]!.url, /billing\.md#L8-L8$/);
    const clean = await models.KnowledgeDocument.findOne({ tenantId, path: 'clean.md' }).lean();
    assert.deepEqual(clean?.secrets, []);
  });

  it('indexes again a document indexed before secrets were masked, though its hash is unchanged', async () => {
    // As an index built before masking holds it: the chunk's raw text, and no `secrets`.
    await models.KnowledgeDocument.updateOne({ tenantId, path: 'billing.md' }, { $unset: { secrets: 1 } });
    await models.KnowledgeChunk.updateMany({ tenantId, path: 'billing.md' }, { $set: { body: RUNBOOK } });
    const summary = await indexSources(tenantId, [localFolderSource(folder)], deps);
    assert.deepEqual(
      { updated: summary.updated, unchanged: summary.unchanged },
      { updated: 1, unchanged: 1 },
    );
    const billing = await models.KnowledgeDocument.findOne({ tenantId, path: 'billing.md' }).lean();
    assert.equal(billing?.secrets?.length, 2);
    const chunks = await models.KnowledgeChunk.find({ tenantId, path: 'billing.md' }).lean();
    assert.ok(
      chunks.every((chunk) => !chunk.body.includes(GITHUB_TOKEN)),
      'the old text was replaced',
    );
  });
});
