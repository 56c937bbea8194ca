import assert from 'node:assert/strict';
import mongoose, { type Connection } from 'mongoose';
import { applyFactWrites } from '../../../data/ingest/apply-fact-writes.ts';
import { factModelsOf } from '../../../data/models/ingest-models.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import { pullChangeBucketOf } from '../../../data/models/pull-request-change.ts';
import type { FactWrite } from '../../../data/sources/fact-write.ts';
import { createIndexedTriageSource } from '../../../data/triage/indexed-triage-source.ts';
import { createMongoTriageSource } from '../../../data/triage/mongo-triage-source.ts';
import {
  createOpenPullIndex,
  RELOAD_AFTER_MS,
  type OpenPullIndex,
  type OpenPulls,
} from '../../../data/triage/open-pull-index.ts';
import type { TriageScope } from '../../../handlers/triage/types.ts';
import { openTestDatabase, testDatabaseUri } from '../../support/database.ts';

const A = 'T0INDEXA';
const B = 'T0INDEXB';
const OPENED = new Date('2026-12-01T09:00:00Z');
let version = 0;

/** A pull request snapshot as the GitHub normalizer writes it: each newer than the last. */
function snapshot(repo: string, number: number, fields: Record<string, unknown>): FactWrite {
  version += 10;
  return {
    kind: 'pullRequest',
    key: { repo, number },
    once: { author: 'ana', openedAt: OPENED },
    snapshot: {
      version,
      fields: { state: 'open', title: `Change ${number}`, requestedReviewers: [], ...fields },
    },
  } as FactWrite;
}

const keysOf = (pulls: readonly { repo: string; number: number }[]) =>
  pulls.map((pull) => `${pull.repo}#${pull.number}`).sort();

describe('the open-PR index (/triage reads PRs from memory, kept current from the change log)', function () {
  this.timeout(30_000);
  let connection: Connection;
  let other: Connection;
  let models: Models;
  let otherModels: Models;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    // A second process: its own connection and models on the same database.
    other = await mongoose.createConnection(testDatabaseUri(import.meta.url)).asPromise();
    otherModels = defineModels(other);
  });
  after(async () => {
    await other.close();
    await connection.close();
  });
  beforeEach(async () => {
    for (const tenantId of [A, B]) {
      await models.PullRequest.deleteMany({ tenantId });
      await models.PullRequestChange.deleteMany({ tenantId });
    }
  });

  const write = (on: Models, tenantId: string, ...writes: FactWrite[]) =>
    applyFactWrites(factModelsOf(on), tenantId, writes);
  const look = async (index: OpenPullIndex, tenantId: string): Promise<OpenPulls> =>
    index.openPulls(tenantId);

  it('follows fact writes: opened, review requested, then merged or closed leaves it', async () => {
    const index = createOpenPullIndex(models);
    assert.deepEqual((await look(index, A)).all(), [], 'loaded empty');

    await write(models, A, snapshot('acme/api', 1, {}), snapshot('acme/web', 2, {}));
    let open = await look(index, A);
    assert.deepEqual(keysOf(open.all()), ['acme/api#1', 'acme/web#2']);
    assert.deepEqual(keysOf(open.ofLogins(['ana'])), ['acme/api#1', 'acme/web#2'], 'by author');
    assert.deepEqual(keysOf(open.ofLogins(['bo'])), []);
    assert.deepEqual(keysOf(open.ofRepo('acme/web')), ['acme/web#2']);

    await write(models, A, snapshot('acme/api', 1, { requestedReviewers: ['bo'] }));
    open = await look(index, A);
    assert.deepEqual(keysOf(open.ofLogins(['bo'])), ['acme/api#1'], 'by requested reviewer');
    assert.deepEqual(open.ofRepo('acme/api')[0]?.requestedReviewers, ['bo'], 'the fact as it is now');

    await write(models, A, snapshot('acme/api', 1, { state: 'merged', requestedReviewers: [] }));
    await write(models, A, snapshot('acme/web', 2, { state: 'closed' }));
    open = await look(index, A);
    assert.deepEqual(open.all(), []);
    assert.deepEqual(open.ofLogins(['ana', 'bo']), []);
    assert.deepEqual(open.ofRepo('acme/api'), []);

    await write(models, A, snapshot('acme/web', 2, { state: 'open' }));
    assert.deepEqual(keysOf((await look(index, A)).ofLogins(['ana'])), ['acme/web#2'], 'reopened');
  });

  it("shows another process's writes at its next call, both ways (two connections, two indexes)", async () => {
    const here = createOpenPullIndex(models);
    const there = createOpenPullIndex(otherModels);
    await look(here, A);
    await look(there, A);

    await write(otherModels, A, snapshot('acme/api', 10, { requestedReviewers: ['cy'] }));
    assert.deepEqual(keysOf((await look(here, A)).ofLogins(['cy'])), ['acme/api#10']);

    await write(models, A, snapshot('acme/api', 10, { state: 'merged' }));
    await write(models, A, snapshot('acme/api', 11, {}));
    assert.deepEqual(keysOf((await look(there, A)).all()), ['acme/api#11']);
    assert.deepEqual(keysOf((await look(here, A)).all()), ['acme/api#11']);
  });

  it("keeps tenants apart: tenant A's PR never shows in tenant B's index, even named in B's log", async () => {
    const index = createOpenPullIndex(models);
    await look(index, B);
    await write(models, A, snapshot('acme/api', 20, {}));
    await write(models, B, snapshot('acme/api', 21, {}));
    // A forged entry in B's log naming A's PR: read by `_id`, the PR is A's, so B's index leaves it out.
    const now = Date.now();
    await models.PullRequestChange.create({
      _id: `${A}|acme/api|20|forged`,
      tenantId: B,
      pull: `${A}|acme/api|20`,
      rev: 99,
      bucket: pullChangeBucketOf(now),
      at: new Date(now),
    });
    const inB = await look(index, B);
    assert.deepEqual(keysOf(inB.all()), ['acme/api#21']);
    assert.ok(inB.all().every((fact) => fact.tenantId === B));
    assert.deepEqual(keysOf((await look(index, A)).all()), ['acme/api#20']);
    assert.ok((await look(index, A)).all().every((fact) => fact.tenantId === A));
  });

  it('reads again a PR whose logged write had not landed yet when it looked, after its bucket is past', async () => {
    let clock = Date.now();
    const index = createOpenPullIndex(models, () => clock);
    await write(models, A, snapshot('acme/api', 30, {}));
    await look(index, A);
    // A writer logged revision 2 and has not replaced the fact yet.
    const id = `${A}|acme/api|30`;
    await models.PullRequestChange.create({
      _id: `${id}|2`,
      tenantId: A,
      pull: id,
      rev: 2,
      bucket: pullChangeBucketOf(clock),
      at: new Date(clock),
    });
    assert.deepEqual((await look(index, A)).all()[0]?.requestedReviewers, []);
    // Later looks read later buckets only: the entry is not read again, the PR still is.
    clock += 100_000;
    await look(index, A);
    await models.PullRequest.updateOne(
      { tenantId: A, _id: id },
      { $set: { requestedReviewers: ['dee'], rev: 2 } },
    );
    assert.deepEqual(keysOf((await look(index, A)).ofLogins(['dee'])), ['acme/api#30']);
  });

  it('loads a tenant afresh after it was left alone longer than the change log is sure to keep', async () => {
    let now = Date.now();
    const index = createOpenPullIndex(models, () => now);
    await look(index, A);
    // Written around the log (as a test seed does): only a fresh load sees it.
    await models.PullRequest.create({
      _id: `${A}|acme/api|40`,
      tenantId: A,
      repo: 'acme/api',
      number: 40,
      state: 'open',
    });
    assert.deepEqual((await look(index, A)).all(), []);
    now += RELOAD_AFTER_MS + 1;
    assert.deepEqual(keysOf((await look(index, A)).all()), ['acme/api#40']);
  });

  it('gives /triage the same pulls as the per-login reads, for every kind of scope', async () => {
    await models.Person.create([
      { _id: `${A}|slack|U0ANA`, tenantId: A, tool: 'slack', handle: 'U0ANA', personId: 'p-ana' },
      { _id: `${A}|github|ana`, tenantId: A, tool: 'github', handle: 'ana', personId: 'p-ana' },
    ]);
    await models.Standup.create({
      _id: 'st_index',
      tenantId: A,
      name: 'core',
      surface: 'slack',
      reportChannel: 'C0CORE',
      owner: { tool: 'slack', handle: 'U0ANA' },
      members: [{ tool: 'slack', handle: 'U0ANA' }],
      memberSource: { kind: 'people' },
      questions: [],
      days: [1, 2, 3, 4, 5],
      promptTime: '09:30',
      deadlineTime: '11:00',
      createdAt: OPENED,
      updatedAt: OPENED,
    });
    const index = createOpenPullIndex(models);
    await look(index, A);
    const other = (number: number, fields: Record<string, unknown>) => ({
      ...snapshot('acme/web', number, fields),
      once: { author: 'eve', openedAt: OPENED },
    });
    await write(
      models,
      A,
      snapshot('acme/api', 50, { draft: true }),
      other(51, { requestedReviewers: ['ana', 'fay'] }),
      other(52, { requestedReviewers: ['fay'] }),
      other(53, { state: 'merged' }),
      { ...other(54, {}), once: { author: 'renovate[bot]', openedAt: OPENED } },
    );
    await write(models, B, snapshot('acme/web', 55, {}));
    const indexed = createIndexedTriageSource(models, index);
    const scanned = createMongoTriageSource(models);
    const scopes: TriageScope[] = [
      { kind: 'team', team: 'core' },
      { kind: 'person', logins: ['fay'] },
      { kind: 'repo', repo: 'acme/web' },
      { kind: 'all' },
    ];
    for (const scope of scopes) {
      const fromIndex = await indexed.openPulls(A, scope, ['eve']);
      assert.deepEqual(fromIndex, await scanned.openPulls(A, scope, ['eve']), scope.kind);
      assert.ok(fromIndex.pulls.length > 0, `${scope.kind} finds something`);
    }
    await assert.rejects(indexed.openPulls(A, { kind: 'team', team: 'nobody' }), /no team named "nobody"/);
  });
});
