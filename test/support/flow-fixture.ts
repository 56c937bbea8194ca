import { createIdentityDirectory } from '../../data/identity/mongo-identity-directory.ts';
import type { Models } from '../../data/models/index.ts';

const HOUR = 3_600_000;

/**
 * A small team's facts, `now`-relative: ana's acme/api#11 (bo reviews after 2 h) and bo's #12 (ana reviews after
 * 1 h), merged; ana's acme/web#13 and bo's acme/web#14 open; bo's Jira EM-7 in progress.
 */
export async function seedFlowFacts(
  models: Models,
  tenantId: string,
  now: Date,
  chat: {
    ana: { tool: 'slack' | 'teams'; handle: string };
    bo?: { tool: 'slack' | 'teams'; handle: string };
  },
): Promise<void> {
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);
  const pr = (repo: string, number: number, fields: object) =>
    models.PullRequest.create({
      _id: `${tenantId}|${repo}|${number}`,
      tenantId,
      repo,
      number,
      snapshotVersion: 1,
      ...fields,
    });
  const review = (reviewId: number, prNumber: number, author: string, at: Date) =>
    models.Review.create({
      _id: `${tenantId}|acme/api|${reviewId}`,
      tenantId,
      repo: 'acme/api',
      reviewId,
      prNumber,
      author,
      submittedAt: at,
      snapshotVersion: 1,
    });
  await pr('acme/api', 11, {
    author: 'ana',
    state: 'merged',
    openedAt: ago(120),
    readyAt: ago(120),
    firstReviewAt: ago(118),
    mergedAt: ago(115),
    additions: 30,
    deletions: 10,
  });
  await review(901, 11, 'bo', ago(118));
  await pr('acme/api', 12, {
    author: 'bo',
    state: 'merged',
    openedAt: ago(72),
    readyAt: ago(72),
    firstReviewAt: ago(71),
    mergedAt: ago(68),
    additions: 250,
    deletions: 50,
  });
  await review(902, 12, 'ana', ago(71));
  await pr('acme/web', 13, { author: 'ana', state: 'open', openedAt: ago(48) });
  await pr('acme/web', 14, { author: 'bo', state: 'open', openedAt: ago(24) });
  await models.JiraIssue.create({
    _id: `${tenantId}|10007`,
    tenantId,
    issueId: '10007',
    key: 'EM-7',
    type: 'Story',
    status: 'In Progress',
    statusCategory: 'indeterminate',
    assignee: 'acc-bo',
    createdAt: ago(200),
    snapshotVersion: 1,
  });
  await models.IssueTransition.create({
    _id: `${tenantId}|10007|1`,
    tenantId,
    issueId: '10007',
    changelogId: '1',
    from: 'To Do',
    to: 'In Progress',
    fromCategory: 'new',
    toCategory: 'indeterminate',
    at: ago(96),
    snapshotVersion: 1,
  });
  const identity = createIdentityDirectory(models.Person);
  await identity.link(tenantId, chat.ana, { tool: 'github', handle: 'ana' }, 'manual');
  await identity.link(tenantId, chat.ana, { tool: 'jira', handle: 'acc-ana' }, 'manual');
  if (chat.bo) {
    await identity.link(tenantId, chat.bo, { tool: 'github', handle: 'bo' }, 'manual');
    await identity.link(tenantId, chat.bo, { tool: 'jira', handle: 'acc-bo' }, 'manual');
  }
}
