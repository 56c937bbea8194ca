import assert from 'node:assert/strict';
import { Octokit } from '@octokit/rest';
import type { Connection } from 'mongoose';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import { createGithubCodeOwners } from '../../../data/triage/github-code-owners.ts';
import { FakeGitHubRest, type GithubRepoData } from '../../fakes/github-rest-api.ts';
import { openTestDatabase } from '../../support/database.ts';

const TENANT = 'T0OWNERS';

function repoData(contents: Record<string, Record<string, string>>): GithubRepoData {
  return {
    repository: { id: 1, name: 'api', full_name: 'acme/api', default_branch: 'main' },
    pulls: [],
    reviews: new Map(),
    commits: [],
    deployments: [],
    statuses: new Map(),
    runs: [],
    releases: [],
    contents: new Map(Object.entries(contents).map(([ref, files]) => [ref, new Map(Object.entries(files))])),
  };
}

describe('CODEOWNERS through the GitHub API (per branch, GitHub search order, cached)', () => {
  let connection: Connection;
  let models: Models;
  let github: FakeGitHubRest;
  let clock: Date;

  const source = (maxAgeMs?: number) =>
    createGithubCodeOwners({
      CodeOwnersFile: models.CodeOwnersFile,
      octokit: new Octokit({ auth: github.token, baseUrl: github.url }),
      now: () => clock,
      ...(maxAgeMs === undefined ? {} : { maxAgeMs }),
    });
  const contentRequests = () => github.requestsTo(/\/contents\//).length;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    github = new FakeGitHubRest();
    await github.http.start();
    github.repos.set(
      'acme/api',
      repoData({
        main: {
          '.github/CODEOWNERS': '* @acme/platform\napi/billing/ @bo\n',
          CODEOWNERS: '* @root-owner\n',
          'docs/CODEOWNERS': '* @docs-owner\n',
        },
        'root-and-docs': { CODEOWNERS: '* @root-owner\n', 'docs/CODEOWNERS': '* @docs-owner\n' },
        'docs-only': { 'docs/CODEOWNERS': '# docs team\n*.md @writers\n' },
        bare: {},
      }),
    );
  });
  after(async () => {
    await github.http.stop();
    await connection.close();
  });
  beforeEach(() => {
    clock = new Date('2026-12-03T10:00:00Z');
  });

  it('reads .github/CODEOWNERS first, then the root, then docs/, per base branch', async () => {
    const owners = source();
    const main = await owners.codeOwnersOf(TENANT, 'acme/api', 'main');
    assert.deepEqual(main?.ownersOf('api/billing/charge.ts'), ['@bo'], 'the last matching rule wins');
    assert.deepEqual(main?.ownersOf('web/app.ts'), ['@acme/platform']);
    const root = await owners.codeOwnersOf(TENANT, 'acme/api', 'root-and-docs');
    assert.deepEqual(root?.ownersOf('api/billing/charge.ts'), ['@root-owner']);
    const docs = await owners.codeOwnersOf(TENANT, 'acme/api', 'docs-only');
    assert.deepEqual(docs?.ownersOf('docs/guide.md'), ['@writers']);
    assert.deepEqual(docs?.ownersOf('src/index.ts'), []);
    assert.equal(await owners.codeOwnersOf(TENANT, 'acme/api', 'bare'), undefined);
    assert.equal(await owners.codeOwnersOf(TENANT, 'acme/missing', 'main'), undefined);
    const stored = await models.CodeOwnersFile.find({ tenantId: TENANT, repo: 'acme/api' }).lean();
    assert.deepEqual(stored.map((file) => [file.ref, file.path]).sort(), [
      ['bare', null],
      ['docs-only', 'docs/CODEOWNERS'],
      ['main', '.github/CODEOWNERS'],
      ['root-and-docs', 'CODEOWNERS'],
    ]);
  });

  it('uses the default branch when no base is known', async () => {
    const rules = await source().codeOwnersOf(TENANT, 'acme/api', undefined);
    assert.deepEqual(rules?.ownersOf('api/billing/x.ts'), ['@bo']);
  });

  it('answers from the stored file until it is old, then checks again, parsing one blob sha once', async () => {
    const owners = source(60_000);
    const first = await owners.codeOwnersOf('T0CACHE', 'acme/api', 'main');
    const asked = contentRequests();
    clock = new Date(clock.getTime() + 30_000);
    const cached = await owners.codeOwnersOf('T0CACHE', 'acme/api', 'main');
    assert.equal(contentRequests(), asked, 'no request within the max age');
    assert.equal(cached, first);
    clock = new Date(clock.getTime() + 60_000);
    const rechecked = await owners.codeOwnersOf('T0CACHE', 'acme/api', 'main');
    assert.equal(contentRequests(), asked + 1, 'one request: .github/CODEOWNERS is still there');
    assert.equal(rechecked, first, 'same blob sha: the parsed rules are reused');

    github.repos.get('acme/api')!.contents!.get('main')!.set('.github/CODEOWNERS', 'api/ @cy\n');
    clock = new Date(clock.getTime() + 61_000);
    const changed = await owners.codeOwnersOf('T0CACHE', 'acme/api', 'main');
    assert.deepEqual(changed?.ownersOf('api/billing/charge.ts'), ['@cy']);
    const [file] = await models.CodeOwnersFile.find({ tenantId: 'T0CACHE' }).lean();
    assert.equal(file?.text, 'api/ @cy\n');
  });

  it("keeps tenants apart: one tenant's stored file is not another's", async () => {
    await source().codeOwnersOf('T0ONE', 'acme/api', 'docs-only');
    const asked = contentRequests();
    await source().codeOwnersOf('T0TWO', 'acme/api', 'docs-only');
    assert.ok(contentRequests() > asked);
    assert.equal(await models.CodeOwnersFile.countDocuments({ tenantId: 'T0TWO' }), 1);
  });
});
