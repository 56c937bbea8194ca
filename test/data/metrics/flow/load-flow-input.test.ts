import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { loadFlowInput } from '../../../../data/metrics/flow/load-flow-input.ts';
import { defineModels, ensureIndexes, type Models } from '../../../../data/models/index.ts';
import { measureFlow } from '../../../../handlers/metrics/measure-flow.ts';
import { openTestDatabase } from '../../../support/database.ts';

const TENANT = 'T0FLOW';
const OTHER = 'T0FLOWOTHER';
const HOUR = 3_600_000;
/** Monday 2 November 2026, 00:00 UTC; the range is that week. */
const T0 = Date.UTC(2026, 10, 2);
const at = (hours: number) => new Date(T0 + hours * HOUR);
const WEEK = { from: at(0), to: at(168) };

describe('loadFlowInput (flow facts from the database)', function () {
  this.timeout(30_000);
  let connection: Connection;
  let models: Models;

  const fact = <T extends { create(doc: object): Promise<unknown> }>(
    model: T,
    id: string,
    tenantId: string,
    fields: object,
  ) => model.create({ _id: `${tenantId}|${id}`, tenantId, snapshotVersion: 1, ...fields });

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    for (const tenantId of [TENANT, OTHER]) {
      await fact(models.PullRequest, 'acme/api|1', tenantId, {
        repo: 'acme/api',
        number: 1,
        author: 'ana',
        state: 'merged',
        openedAt: at(10),
        readyAt: at(10),
        firstReviewAt: at(12),
        mergedAt: at(14),
        additions: tenantId === TENANT ? 20 : 2000,
        deletions: 0,
      });
    }
    await fact(models.PullRequest, 'acme/web|2', TENANT, {
      repo: 'acme/web',
      number: 2,
      author: 'bo',
      state: 'open',
      draft: true,
      openedAt: at(30),
    });
    // Closed long before the history window: never read.
    await fact(models.PullRequest, 'acme/web|3', TENANT, {
      repo: 'acme/web',
      number: 3,
      author: 'bo',
      state: 'closed',
      openedAt: new Date(T0 - 400 * 24 * HOUR),
      closedAt: new Date(T0 - 399 * 24 * HOUR),
    });
    await fact(models.Review, 'acme/api|100', TENANT, {
      repo: 'acme/api',
      reviewId: 100,
      prNumber: 1,
      author: 'bo',
      submittedAt: at(12),
    });
    await fact(models.Deployment, 'acme/api|7', TENANT, {
      repo: 'acme/api',
      deploymentId: 7,
      environment: 'staging',
      firstSuccessAt: at(15),
    });
    await fact(models.Deployment, 'acme/api|8', TENANT, {
      repo: 'acme/api',
      deploymentId: 8,
      environment: 'production',
      firstSuccessAt: at(17),
    });
    // EM-1's transitions carry categories ("Peer check" is in progress); EM-2 has none: its current status is read.
    await fact(models.JiraIssue, '10001', TENANT, {
      issueId: '10001',
      key: 'EM-1',
      type: 'Story',
      status: 'Shipped',
      statusCategory: 'done',
      assignee: 'acc-ana',
      createdAt: at(1),
      resolvedAt: at(20),
    });
    const move = (
      id: string,
      issueId: string,
      from: string,
      to: string,
      hours: number,
      categories?: [string, string],
    ) =>
      fact(models.IssueTransition, `${issueId}|${id}`, TENANT, {
        issueId,
        changelogId: id,
        from,
        to,
        at: at(hours),
        ...(categories ? { fromCategory: categories[0], toCategory: categories[1] } : {}),
      });
    await move('1', '10001', 'Backlog', 'Peer check', 2, ['new', 'indeterminate']);
    await move('2', '10001', 'Peer check', 'Shipped', 20, ['indeterminate', 'done']);
    await fact(models.JiraIssue, '10002', TENANT, {
      issueId: '10002',
      key: 'EM-2',
      type: 'Bug',
      status: 'Doing',
      statusCategory: 'indeterminate',
      assignee: 'acc-bo',
      createdAt: at(3),
    });
    await move('3', '10002', 'Open', 'Doing', 40);
    await fact(models.JiraIssue, '10003', TENANT, {
      issueId: '10003',
      key: 'EM-3',
      deleted: true,
      createdAt: at(3),
    });
  });

  after(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it("reads one tenant's PRs, reviews, production deployments and issues with their history", async () => {
    const { input, truncated } = await loadFlowInput(models, TENANT, {}, WEEK, {
      statusStates: { 'peer check': 'waiting' },
    });
    assert.equal(truncated, false);
    assert.deepEqual(
      input.pulls.map((pr) => [
        `${pr.repo}#${pr.number}`,
        pr.additions,
        pr.reviews.length,
        pr.deployedAt?.toISOString(),
      ]),
      [
        ['acme/web#2', undefined, 0, undefined],
        ['acme/api#1', 20, 1, at(17).toISOString()],
      ],
    );
    assert.deepEqual(
      input.issues.map((issue) => [issue.key, issue.initialStatus, issue.transitions.length]),
      [
        ['EM-2', 'Open', 1],
        ['EM-1', 'Backlog', 2],
      ],
    );
    assert.deepEqual(input.config.statusCategories, {
      Shipped: 'done',
      Doing: 'indeterminate',
      Backlog: 'new',
      'Peer check': 'indeterminate',
    });
    const flow = measureFlow(input, WEEK, at(168));
    assert.equal(flow.cycle.deploy.p50, 3 * HOUR);
    assert.equal(flow.reviewTurnaround.turnaround.p50, 2 * HOUR);
    // "Peer check" is configured as waiting, so EM-1 never became active: left out of flow efficiency.
    assert.equal(flow.flowEfficiency.neverActive, 1);
    assert.deepEqual(
      flow.wip.items.map((item) => item.ref),
      ['EM-2', 'acme/web#2'],
    );
  });

  it("narrows to a team's people or a repository", async () => {
    const team = await loadFlowInput(
      models,
      TENANT,
      { githubLogins: ['ana'], jiraAccounts: ['acc-bo'] },
      WEEK,
    );
    assert.deepEqual(
      team.input.pulls.map((pr) => pr.number),
      [1],
    );
    assert.deepEqual(
      team.input.issues.map((issue) => issue.key),
      ['EM-2'],
    );
    const repo = await loadFlowInput(models, TENANT, { repo: 'acme/web' }, WEEK);
    assert.deepEqual(
      repo.input.pulls.map((pr) => pr.number),
      [2],
    );
    assert.deepEqual(repo.input.issues, []);
    const nobody = await loadFlowInput(models, TENANT, { githubLogins: [], jiraAccounts: [] }, WEEK);
    assert.deepEqual([nobody.input.pulls, nobody.input.issues], [[], []]);
  });

  it("never reads another tenant's facts", async () => {
    const other = await loadFlowInput(models, OTHER, {}, WEEK);
    assert.deepEqual(
      other.input.pulls.map((pr) => pr.additions),
      [2000],
    );
    assert.deepEqual(other.input.issues, []);
  });
});
