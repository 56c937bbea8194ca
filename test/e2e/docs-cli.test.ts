import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { createLogger } from '../../bot/logger.ts';
import { startLocalChroma } from '../../data/knowledge/chroma-server.ts';
import { defineModels, ensureIndexes, type Models } from '../../data/models/index.ts';
import { FakeOpenAi } from '../fakes/openai-api.ts';
import { openTestDatabase, testDatabaseUri } from '../support/database.ts';
import { copyFixtureDocs, testChromaUrl } from '../support/docs-fixture.ts';
import { runCli } from '../support/run-cli.ts';

async function cli(args: string[], env: Record<string, string>) {
  const run = runCli(args, env);
  const code = await run.exited;
  return { code, stdout: run.stdout.join('\n'), stderr: run.stderr.join('\n') };
}

describe('em-agent docs (the process)', function () {
  this.timeout(60_000);
  const tenant = `T-cli-${randomUUID()}`;
  let connection: Connection;
  let models: Models;
  let folder: string;
  let env: Record<string, string>;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    folder = await copyFixtureDocs();
    env = { MONGODB_URI: testDatabaseUri(import.meta.url), CHROMA_URL: testChromaUrl(), DOCS_DIR: folder };
  });
  after(async () => {
    await connection.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('`docs index` indexes the folder with a progress bar on stderr, then re-indexes nothing new', async () => {
    const first = await cli(['docs', 'index', '--tenant', tenant], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(
      first.stdout,
      new RegExp(`tenant ${tenant}: 7 added, 0 updated, 0 unchanged, 0 removed, \\d+ chunks`),
    );
    assert.match(first.stderr, /folder:.* \[#{30}\] 7\/7/);
    const second = await cli(['docs', 'index', '--tenant', tenant], env);
    assert.match(second.stdout, /0 added, 0 updated, 7 unchanged, 0 removed, 0 chunks/);
  });

  it("`docs index` sends OpenAI what the tenant's POLICY_FILE level allows: at off contacts, never secrets", async () => {
    const openai = new FakeOpenAi();
    await openai.http.start();
    try {
      const policyFile = path.join(folder, 'policy.yaml');
      for (const level of ['off', 'strict']) {
        await writeFile(policyFile, `actions: {}\nlimits:\n  pii_redaction: ${level}\n`);
        const run = await cli(['docs', 'index', '--tenant', `${tenant}-${level}`], {
          ...env,
          OPENAI_API_KEY: 'sk-test-fake-openai-key',
          OPENAI_BASE_URL: openai.baseUrl,
          POLICY_FILE: policyFile,
        });
        assert.equal(run.code, 0, run.stderr);
        const sent = openai.embeddingInputs().join('\n');
        assert.equal(sent.includes('maria.lopez@example.com'), level === 'off', level);
        assert.ok(!sent.includes('sk-test-4eC39HqLyjWDarjtT1zdp7dc9'), level);
        openai.http.requests.length = 0;
      }
    } finally {
      await openai.http.stop();
    }
  });

  it('`docs index` says what to set when no docs are configured', async () => {
    const run = await cli(['docs', 'index', '--tenant', tenant], { ...env, DOCS_DIR: '' });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /no docs configured: set DOCS_DIR/);
  });

  it('`docs report` counts answers and votes and names the sources behind unhelpful answers', async () => {
    const now = new Date();
    const citation = {
      source: `folder:${folder}`,
      path: 'docs/deploy.md',
      url: 'file:///x#L1-L2',
      updatedAt: new Date('2024-01-01'),
    };
    for (const mode of ['llm', 'extractive', 'unknown'] as const) {
      await models.AnswerRecord.create({
        _id: randomUUID(),
        tenantId: tenant,
        userId: 'U1',
        mode,
        citations: mode === 'unknown' ? [] : [citation],
        view: { kind: 'answer' },
        createdAt: now,
      });
    }
    await models.AnswerFeedback.create({
      tenantId: tenant,
      answerId: randomUUID(),
      userId: 'U1',
      helpful: true,
      sources: [],
      createdAt: now,
    });
    await models.AnswerFeedback.create({
      tenantId: tenant,
      answerId: randomUUID(),
      userId: 'U2',
      helpful: false,
      sources: [{ source: citation.source, path: citation.path }],
      createdAt: now,
    });
    const run = await cli(['docs', 'report', '--tenant', tenant], env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /3 answers \(1 written by the model, 1 quoted, 1 "I don't know"\)/);
    assert.match(run.stdout, /1 helpful, 1 not helpful \(helpful rate 50%\); "I don't know" rate 33%/);
    assert.match(run.stdout, /1× docs\/deploy\.md/);
    assert.match(
      run.stdout,
      /Docs holding secret-looking text.*\n {2}docs\/local-setup\.md \(folder:.*\): line 12$/m,
    );
    const bad = await cli(['docs', 'report', '--tenant', tenant, '--days', 'soon'], env);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /--days: expected a whole number/);
  });

  it('`docs stale` records one digest per owner per week and lists old or unhelpful cited docs', async () => {
    const run = await cli(['docs', 'stale', '--tenant', tenant], env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /for @alice \(not sent yet\):/);
    assert.match(
      run.stdout,
      /docs\/deploy\.md: cited 2 times but unchanged for \d+ days; marked not helpful 1 time/,
    );
    await cli(['docs', 'stale', '--tenant', tenant], env);
    assert.equal(
      await models.StaleDocsDigest.countDocuments({ tenantId: tenant, owner: '@alice' }),
      1,
      'idempotent',
    );
  });
});

describe('the Chroma server started from the chromadb package', function () {
  this.timeout(60_000);

  it('starts under DATA_DIR/chroma, is reused by a second caller, and stops', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'em-agent-chroma-'));
    const log = createLogger('silent');
    try {
      const first = await startLocalChroma(dataDir, log);
      const second = await startLocalChroma(dataDir, log);
      assert.equal(second.url, first.url, 'one server per data folder');
      assert.ok((await fetch(`${first.url}/api/v2/heartbeat`)).ok);
      await second.stop();
      assert.ok((await fetch(`${first.url}/api/v2/heartbeat`)).ok, 'the reuser does not stop it');
      await first.stop();
      await assert.rejects(fetch(`${first.url}/api/v2/heartbeat`));
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
