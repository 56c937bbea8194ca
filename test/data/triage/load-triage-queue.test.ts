import assert from 'node:assert/strict';
import { Octokit } from '@octokit/rest';
import type { Connection } from 'mongoose';
import { createCalendarSource } from '../../../data/availability/create-calendar-source.ts';
import { createAvailabilityStore } from '../../../data/availability/mongo-availability-store.ts';
import { createIdentityDirectory } from '../../../data/identity/mongo-identity-directory.ts';
import { applyFactWrites } from '../../../data/ingest/apply-fact-writes.ts';
import { factModelsOf } from '../../../data/models/ingest-models.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import { backfillGithub } from '../../../data/sources/github/backfill.ts';
import { normalizeEvent } from '../../../data/sources/normalize-event.ts';
import { createCalendarsOfLogins } from '../../../data/triage/calendars-of-logins.ts';
import {
  createPullRequestEnricher,
  type EnrichPullRequests,
} from '../../../data/triage/enrich-pull-requests.ts';
import { createGithubCodeOwners } from '../../../data/triage/github-code-owners.ts';
import { createMongoTriageSource } from '../../../data/triage/mongo-triage-source.ts';
import { createTriageSettingsStore } from '../../../data/triage/mongo-triage-settings.ts';
import { loadTriageQueue, type LoadTriageQueueDeps } from '../../../handlers/triage/load-triage-queue.ts';
import type { ReviewerContext, ReviewerSuggester, TriageQueue } from '../../../handlers/triage/types.ts';
import { FakeGitHubRest } from '../../fakes/github-rest-api.ts';
import { backfillContext } from '../../support/backfill-context.ts';
import { openTestDatabase } from '../../support/database.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GitHub JSON

const TENANT = 'T0TRIAGE';
/** Monday 13:00 UTC; bo is away all Monday. */
const NOW = new Date('2026-12-07T13:00:00Z');
const sha = (n: number) => n.toString(16).padStart(40, 'b');
const user = (login: string) => ({
  login,
  id: login.length * 100 + login.charCodeAt(0),
  type: login.endsWith('[bot]') ? 'Bot' : 'User',
});
const repository = {
  id: 7,
  name: 'api',
  full_name: 'acme/api',
  owner: user('acme'),
  default_branch: 'main',
  private: true,
  html_url: 'https://github.com/acme/api',
  updated_at: '2026-11-01T00:00:00Z',
};

function pullPayload(number: number, fields: Json): Json {
  return {
    id: 9000 + number,
    number,
    html_url: `https://github.com/acme/api/pull/${number}`,
    title: `Change ${number}`,
    state: 'open',
    draft: false,
    labels: [],
    requested_reviewers: [],
    assignees: [],
    additions: 40,
    deletions: 10,
    changed_files: 2,
    commits: 1,
    base: { ref: 'main' },
    head: { ref: `change-${number}`, sha: sha(number) },
    mergeable: null,
    ...fields,
  };
}

describe('the triage queue from facts ingested through the normal path (real database, GitHub fake)', function () {
  this.timeout(30_000);
  let connection: Connection;
  let models: Models;
  let github: FakeGitHubRest;
  let enrich: EnrichPullRequests;
  let deps: LoadTriageQueueDeps;
  const pulls: Json[] = [];

  /** What the normalizer does with a delivery, then the afterApply hook main wires (the enricher). */
  async function ingest(eventType: string, payload: Json) {
    const writes = normalizeEvent('github', eventType, { repository, sender: payload.sender, ...payload });
    await applyFactWrites(factModelsOf(models), TENANT, writes);
    await enrich(TENANT, writes);
  }
  async function openPull(number: number, fields: Json, files: string[]) {
    const pull = pullPayload(number, fields);
    pulls.push(pull);
    const data = github.repos.get('acme/api')!;
    data.pulls.push(pull);
    data.pullFiles!.set(
      number,
      files.map((filename) => ({ filename, status: 'modified', additions: 1, deletions: 0 })),
    );
    data.gitCommits!.set(sha(number), {
      sha: sha(number),
      committer: { name: 'x', email: 'x@acme.example', date: fields.created_at },
    });
    // Webhook payloads do not say whether a PR merges cleanly; pulls.get does.
    await ingest('pull_request', {
      action: 'opened',
      pull_request: { ...pull, mergeable: null },
      sender: pull.user,
    });
  }
  const numbers = (queue: TriageQueue) => queue.items.map((item) => item.pull.number);
  const pullFact = (number: number) =>
    models.PullRequest.findOne({ tenantId: TENANT, _id: `${TENANT}|acme/api|${number}` }).lean();

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    github = new FakeGitHubRest();
    await github.http.start();
    github.repos.set('acme/api', {
      repository,
      pulls: [],
      reviews: new Map(),
      commits: [],
      deployments: [],
      statuses: new Map(),
      runs: [],
      releases: [],
      pullFiles: new Map(),
      gitCommits: new Map(),
      contents: new Map([['main', new Map([['.github/CODEOWNERS', '* @ana\napi/billing/ @cy\n']])]]),
    });
    const octokit = new Octokit({ auth: github.token, baseUrl: github.url });
    enrich = createPullRequestEnricher({ facts: factModelsOf(models), octokit });

    // The team: the standup "payments" with Ana and Bo on Slack, each linked to their GitHub login.
    const identity = createIdentityDirectory(models.Person);
    await identity.link(
      TENANT,
      { tool: 'slack', handle: 'U0ANA' },
      { tool: 'github', handle: 'ana' },
      'manual',
    );
    await identity.link(
      TENANT,
      { tool: 'slack', handle: 'U0BO' },
      { tool: 'github', handle: 'bo' },
      'manual',
    );
    await createAvailabilityStore(models).save(
      TENANT,
      { tool: 'slack', handle: 'U0BO' },
      { timeOff: [{ from: '2026-12-07', to: '2026-12-07' }] },
    );
    const account = (handle: string) => ({ tool: 'slack' as const, handle });
    await models.Standup.create({
      _id: 'st_payments',
      tenantId: TENANT,
      name: 'payments',
      surface: 'slack',
      reportChannel: 'C0PAY',
      owner: account('U0ANA'),
      members: [account('U0ANA'), account('U0BO')],
      memberSource: { kind: 'people' },
      questions: [],
      days: [1, 2, 3, 4, 5],
      promptTime: '09:30',
      deadlineTime: '11:00',
      createdAt: NOW,
      updatedAt: NOW,
    });

    // 1: Ana's, waiting for Bo's first review since Friday 09:00 (8 of Bo's working hours: he is away today).
    await openPull(
      1,
      {
        user: user('ana'),
        created_at: '2026-12-04T09:00:00Z',
        updated_at: '2026-12-04T09:00:00Z',
        requested_reviewers: [user('bo')],
      },
      ['api/billing/charge.ts', 'api/billing/refund.ts'],
    );
    // 2: Bo's, approved by Ana on Thursday 10:00 and not merged: 7 + 8 of Bo's hours.
    await openPull(
      2,
      { user: user('bo'), created_at: '2026-12-02T09:00:00Z', updated_at: '2026-12-03T10:00:00Z' },
      ['web/app.ts'],
    );
    await ingest('pull_request_review', {
      action: 'submitted',
      pull_request: pulls[1],
      review: {
        id: 501,
        user: user('ana'),
        state: 'approved',
        commit_id: sha(2),
        submitted_at: '2026-12-03T10:00:00Z',
        html_url: 'https://github.com/acme/api/pull/2#review-501',
      },
      sender: user('ana'),
    });
    // 3: Dependabot's, asking Ana: the bot lane.
    await openPull(
      3,
      {
        user: user('dependabot[bot]'),
        created_at: '2026-11-20T09:00:00Z',
        updated_at: '2026-11-20T09:00:00Z',
        requested_reviewers: [user('ana')],
      },
      ['package.json'],
    );
    // 4: Ana's draft: left out.
    await openPull(
      4,
      {
        user: user('ana'),
        draft: true,
        created_at: '2026-12-01T09:00:00Z',
        updated_at: '2026-12-01T09:00:00Z',
      },
      ['notes.md'],
    );
    // 5: Cy's, asking Dee: not the team's.
    await openPull(
      5,
      {
        user: user('cy'),
        created_at: '2026-12-01T09:00:00Z',
        updated_at: '2026-12-01T09:00:00Z',
        requested_reviewers: [user('dee')],
      },
      ['api/other.ts'],
    );
    // 6: Ana's, whose head failed CI on Friday 11:00 (the check run arrives first) and conflicts with main.
    await ingest('check_run', {
      action: 'completed',
      check_run: {
        id: 801,
        name: 'test',
        head_sha: sha(6),
        status: 'completed',
        conclusion: 'failure',
        started_at: '2026-12-04T10:50:00Z',
        completed_at: '2026-12-04T11:00:00Z',
        html_url: 'https://github.com/acme/api/runs/801',
        check_suite: { head_branch: 'change-6' },
      },
      sender: user('github-actions[bot]'),
    });
    await openPull(
      6,
      {
        user: user('ana'),
        created_at: '2026-12-04T10:00:00Z',
        updated_at: '2026-12-04T10:30:00Z',
        mergeable: false,
        mergeable_state: 'dirty',
      },
      ['api/billing/charge.ts'],
    );

    const calendars = createCalendarSource(models, () => undefined);
    deps = {
      pulls: createMongoTriageSource(models),
      calendarsOfLogins: createCalendarsOfLogins(models.Person, calendars),
      settings: createTriageSettingsStore(models.TriageSettings),
    };
  });
  after(async () => {
    await github.http.stop();
    await connection.close();
  });

  it('stores what triage reads beyond the payload: files, mergeable state, head commit time, checks, reviews', async () => {
    const first = await pullFact(1);
    assert.deepEqual(first?.files, ['api/billing/charge.ts', 'api/billing/refund.ts']);
    assert.equal(first?.enrichedSha, sha(1));
    assert.deepEqual(first?.lastCommitAt, new Date('2026-12-04T09:00:00Z'));
    assert.equal(
      first?.mergeable,
      'unknown',
      'the fake answers mergeable: null, as GitHub does while computing',
    );
    const sixth = await pullFact(6);
    assert.equal(sixth?.mergeable, 'conflicting');
    assert.equal(sixth?.checks, 'failure', 'the check run ingested before the PR counts');
    assert.deepEqual(sixth?.checksFailedAt, new Date('2026-12-04T11:00:00Z'));
    const second = await pullFact(2);
    assert.deepEqual(
      second?.reviewHistory?.map((review) => [review.reviewer, review.state]),
      [['ana', 'approved']],
    );
  });

  it('fetches a head once: the same event again asks GitHub nothing and writes nothing', async () => {
    const before = github.http.requests.length;
    const revisionOf = async () => ((await pullFact(1)) as { rev?: number } | null)?.rev;
    const revision = await revisionOf();
    assert.ok(revision);
    await ingest('pull_request', { action: 'edited', pull_request: pulls[0], sender: user('ana') });
    assert.equal(github.http.requests.length, before);
    assert.equal(await revisionOf(), revision);
  });

  it('fetches again when the head moves, and a green re-run clears the failure', async () => {
    await ingest('check_run', {
      action: 'completed',
      check_run: {
        id: 802,
        name: 'test',
        head_sha: sha(6),
        status: 'completed',
        conclusion: 'success',
        started_at: '2026-12-04T12:00:00Z',
        completed_at: '2026-12-04T12:10:00Z',
        html_url: 'https://github.com/acme/api/runs/802',
        check_suite: { head_branch: 'change-6' },
      },
      sender: user('github-actions[bot]'),
    });
    assert.equal((await pullFact(6))?.checks, 'success');
    assert.equal((await pullFact(6))?.checksFailedAt, null);
    // Put the failure back for the queue tests below.
    await ingest('check_run', {
      action: 'rerequested',
      check_run: {
        id: 803,
        name: 'test',
        head_sha: sha(6),
        status: 'completed',
        conclusion: 'failure',
        started_at: '2026-12-04T12:20:00Z',
        completed_at: '2026-12-04T12:30:00Z',
        html_url: 'https://github.com/acme/api/runs/803',
        check_suite: { head_branch: 'change-6' },
      },
      sender: user('github-actions[bot]'),
    });
    assert.deepEqual((await pullFact(6))?.checksFailedAt, new Date('2026-12-04T12:30:00Z'));
  });

  it('enriches backfilled pull requests the same way, through the backfill client', async () => {
    const results = await backfillGithub(
      { token: github.token, apiUrl: github.url, repos: ['acme/api'] },
      backfillContext(models, 'T0BACKFILL', { since: new Date('2026-11-01T00:00:00Z') }),
    );
    assert.deepEqual(
      results.filter((result) => result.error),
      [],
    );
    const backfilled = (number: number) =>
      models.PullRequest.findOne({ tenantId: 'T0BACKFILL', _id: `T0BACKFILL|acme/api|${number}` }).lean();
    assert.deepEqual((await backfilled(1))?.files, ['api/billing/charge.ts', 'api/billing/refund.ts']);
    assert.deepEqual((await backfilled(1))?.lastCommitAt, new Date('2026-12-04T09:00:00Z'));
    assert.equal((await backfilled(6))?.mergeable, 'conflicting');
  });

  it("ranks the team's queue in its people's working hours, with the bot lane and drafts apart", async () => {
    const queue = await loadTriageQueue(deps, TENANT, { kind: 'team', team: 'payments' }, NOW);
    assert.deepEqual(
      queue.items.map((item) => [item.pull.number, item.signals.map((s) => `${s.kind} ${s.ageHours}h`)]),
      [
        // Nobody requested on 6: the wait for a first review counts in Ana's hours.
        [6, ['failing-ci 8h', 'waiting-for-review 11h', 'merge-conflict 10h']],
        [2, ['approved-not-merged 15h']],
        [1, ['waiting-for-review 8h']],
      ],
    );
    assert.deepEqual(queue.items.find((item) => item.pull.number === 1)?.signals[0]?.waitingOn, ['bo']);
    assert.deepEqual(
      queue.botLane.map((pull) => pull.number),
      [3],
    );
    assert.equal(queue.draftsLeftOut, 1);

    const everyone = await loadTriageQueue(deps, TENANT, { kind: 'all' }, NOW);
    assert.ok(numbers(everyone).includes(5), "the tenant's queue has Cy's PR");
    const repo = await loadTriageQueue(deps, TENANT, { kind: 'repo', repo: 'acme/web' }, NOW);
    assert.deepEqual(numbers(repo), []);
    const mine = await loadTriageQueue(deps, TENANT, { kind: 'person', logins: ['bo'] }, NOW);
    assert.deepEqual(numbers(mine), [2, 1]);
  });

  it("applies the team's stored thresholds and bot logins over the tenant's", async () => {
    const settings = createTriageSettingsStore(models.TriageSettings);
    await settings.save(
      TENANT,
      '*',
      { thresholds: { firstReviewHours: 4 }, botLogins: ['cy'] },
      'slack:U0ANA',
    );
    await settings.save(TENANT, 'payments', { thresholds: { approvedNotMergedHours: 16 } }, 'slack:U0ANA');
    assert.deepEqual(await settings.settingsOf(TENANT, 'payments'), {
      thresholds: { firstReviewHours: 4, approvedNotMergedHours: 16 },
      botLogins: ['cy'],
      digestTime: '10:00',
    });
    const team = await loadTriageQueue(deps, TENANT, { kind: 'team', team: 'payments' }, NOW);
    assert.deepEqual(numbers(team), [6, 1], 'approved 15 h is under the team’s 16');
    const everyone = await loadTriageQueue(deps, TENANT, { kind: 'all' }, NOW);
    assert.ok(
      everyone.botLane.some((pull) => pull.number === 5),
      "Cy is on the tenant's bot list",
    );
    await models.TriageSettings.deleteMany({ tenantId: TENANT });
  });

  it('gives the suggester availability from the calendars, the open review load and CODEOWNERS', async () => {
    const seen: { number: number; context: ReviewerContext }[] = [];
    const suggester: ReviewerSuggester = {
      suggest(pull, context) {
        seen.push({ number: pull.number, context });
        return undefined;
      },
    };
    const codeOwners = createGithubCodeOwners({
      CodeOwnersFile: models.CodeOwnersFile,
      octokit: new Octokit({ auth: github.token, baseUrl: github.url }),
    });
    const queue = await loadTriageQueue(
      { ...deps, suggester, codeOwners },
      TENANT,
      { kind: 'team', team: 'payments' },
      NOW,
    );
    // Each suggestion is asked for when first read.
    for (const item of queue.items) assert.equal(item.suggestion, undefined);
    assert.deepEqual(
      seen.map((call) => call.number).sort((a, b) => a - b),
      [1, 6],
      'the PRs waiting for a first review',
    );
    const { context } = seen.find((call) => call.number === 1)!;
    assert.equal(context.isAvailable('bo'), false, 'away today');
    assert.equal(context.isAvailable('ana'), true);
    assert.equal(context.openReviews.get('bo'), 1);
    assert.equal(context.openReviews.get('ana'), 1, "Dependabot's request: a bot's PR asks for a review too");
    assert.equal(context.openReviews.get('dee'), undefined, 'counted over the PRs of the scope’s own people');
    assert.deepEqual(context.codeOwnersOf('api/billing/charge.ts'), ['@cy']);
    assert.deepEqual(context.codeOwnersOf('web/app.ts'), ['@ana']);
  });

  it('says clearly when a team does not exist', async () => {
    await assert.rejects(
      loadTriageQueue(deps, TENANT, { kind: 'team', team: 'nope' }, NOW),
      (error: Error) => error.name === 'NotFoundError' && /no team named "nope"/.test(error.message),
    );
  });
});
