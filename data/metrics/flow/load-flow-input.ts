import type {
  FlowConfig,
  FlowPullRequest,
  FlowWorkIssue,
  StatusCategory,
} from '../../../handlers/metrics/flow-types.ts';
import { isProductionEnvironment } from '../../../handlers/metrics/is-production.ts';
import type { FlowInput } from '../../../handlers/metrics/measure-flow.ts';
import type { MetricsConfig, TimeRange } from '../../../handlers/metrics/types.ts';
import type { Models } from '../../models/index.ts';

type FlowModels = Pick<Models, 'PullRequest' | 'Review' | 'Deployment' | 'JiraIssue' | 'IssueTransition'>;

/** What a flow question is narrowed to: a repository's PRs, or some people's PRs and issues (a team's members). */
export interface FlowFilter {
  repo?: string;
  githubLogins?: readonly string[];
  jiraAccounts?: readonly string[];
  /** Also the PRs these logins reviewed (a person's own turnaround), not only those they wrote. */
  reviewedToo?: boolean;
}

/** How far back before the range finished items are read: aging WIP's thresholds are the type's past cycle times. */
export const HISTORY_DAYS = 90;
/** At most this many PRs and as many issues per question: a bigger tenant's answer says it was cut. */
export const MAX_ITEMS = 20_000;
const DAY_MS = 86_400_000;
const PULL_FIELDS = {
  repo: 1,
  number: 1,
  author: 1,
  draft: 1,
  state: 1,
  openedAt: 1,
  readyAt: 1,
  firstCommitAt: 1,
  firstReviewAt: 1,
  mergedAt: 1,
  closedAt: 1,
  additions: 1,
  deletions: 1,
} as const;
const CATEGORIES = new Set<string>(['new', 'indeterminate', 'done']);
const categoryOf = (value: string | undefined): StatusCategory | undefined =>
  value && CATEGORIES.has(value) ? (value as StatusCategory) : undefined;

export interface LoadedFlow {
  input: FlowInput;
  /** More PRs or issues matched than `MAX_ITEMS`: the oldest were left out. */
  truncated: boolean;
}

/**
 * The facts behind a flow answer, for one tenant: PRs opened before the range's end that are still open or
 * finished after the history's start, their reviews, the repositories' production deployments, and Jira issues
 * with their status history. Each status's category comes from the transitions (`fromCategory`/`toCategory`),
 * else from an issue's current status; `statusStates` (by name) overrides both, as flowStateOf reads it.
 */
export async function loadFlowInput(
  models: FlowModels,
  tenantId: string,
  filter: FlowFilter,
  range: TimeRange,
  options: { statusStates?: FlowConfig['statusStates']; metrics?: MetricsConfig } = {},
): Promise<LoadedFlow> {
  const since = new Date(range.from.getTime() - HISTORY_DAYS * DAY_MS);
  const people = filter.githubLogins;
  const pullDocs =
    people && people.length === 0
      ? []
      : await models.PullRequest.find(
          {
            tenantId,
            ...(filter.repo ? { repo: filter.repo } : {}),
            ...(people ? { author: { $in: [...people] } } : {}),
            openedAt: { $lt: range.to },
            $or: [{ state: 'open' }, { mergedAt: { $gte: since } }, { closedAt: { $gte: since } }],
          },
          PULL_FIELDS,
        )
          .sort({ openedAt: -1 })
          .limit(MAX_ITEMS + 1)
          .lean();
  const reviewed =
    filter.reviewedToo && people && people.length > 0
      ? await findReviewedPulls(models, tenantId, people, since, range, PULL_FIELDS)
      : [];
  const known = new Set(pullDocs.map((doc) => `${doc.repo}#${doc.number}`));
  const pulls = [
    ...pullDocs.slice(0, MAX_ITEMS),
    ...reviewed.filter((doc) => !known.has(`${doc.repo}#${doc.number}`)),
  ].filter((doc) => doc.openedAt);
  const repos = [...new Set(pulls.map((doc) => doc.repo))];
  const [reviews, deployments] =
    repos.length === 0
      ? [[], []]
      : await Promise.all([
          models.Review.find(
            {
              tenantId,
              submittedAt: { $gte: since, $lt: range.to },
              ...(filter.repo ? { repo: filter.repo } : {}),
            },
            { repo: 1, prNumber: 1, author: 1, submittedAt: 1 },
          ).lean(),
          models.Deployment.find(
            { tenantId, firstSuccessAt: { $gte: since }, ...(filter.repo ? { repo: filter.repo } : {}) },
            { repo: 1, environment: 1, firstSuccessAt: 1 },
          ).lean(),
        ]);
  const reviewsOf = new Map<string, { reviewer: string; at: Date }[]>();
  for (const review of reviews) {
    if (!review.author || !review.submittedAt || review.prNumber === undefined) continue;
    const key = `${review.repo}#${review.prNumber}`;
    reviewsOf.set(key, [...(reviewsOf.get(key) ?? []), { reviewer: review.author, at: review.submittedAt }]);
  }
  const shipped = new Map<string, number[]>();
  for (const deployment of deployments) {
    if (!deployment.firstSuccessAt) continue;
    if (!isProductionEnvironment(deployment.repo, deployment.environment ?? '', options.metrics ?? {}))
      continue;
    shipped.set(deployment.repo, [
      ...(shipped.get(deployment.repo) ?? []),
      deployment.firstSuccessAt.getTime(),
    ]);
  }
  for (const times of shipped.values()) times.sort((a, b) => a - b);
  const flowPulls = pulls.map((doc): FlowPullRequest => {
    // The repository's first production deployment at or after the merge (DORA links by sha; flow by time).
    const deployedAt = doc.mergedAt
      ? shipped.get(doc.repo)?.find((time) => time >= doc.mergedAt!.getTime())
      : undefined;
    return {
      repo: doc.repo,
      number: doc.number,
      ...(doc.author ? { author: doc.author } : {}),
      ...(doc.draft !== undefined ? { draft: doc.draft } : {}),
      openedAt: doc.openedAt!,
      ...(doc.readyAt ? { readyAt: doc.readyAt } : {}),
      ...(doc.firstCommitAt ? { firstCommitAt: doc.firstCommitAt } : {}),
      ...(doc.firstReviewAt ? { firstReviewAt: doc.firstReviewAt } : {}),
      ...(doc.mergedAt ? { mergedAt: doc.mergedAt } : {}),
      ...(doc.closedAt && !doc.mergedAt ? { closedAt: doc.closedAt } : {}),
      ...(doc.additions !== undefined ? { additions: doc.additions } : {}),
      ...(doc.deletions !== undefined ? { deletions: doc.deletions } : {}),
      reviews: reviewsOf.get(`${doc.repo}#${doc.number}`) ?? [],
      ...(deployedAt !== undefined ? { deployedAt: new Date(deployedAt) } : {}),
    };
  });
  const {
    issues,
    categories,
    truncated: issuesTruncated,
  } = filter.repo
    ? { issues: [], categories: {}, truncated: false }
    : await loadIssues(models, tenantId, filter.jiraAccounts, since, range);
  return {
    input: {
      pulls: flowPulls,
      issues,
      config: {
        statusCategories: categories,
        ...(options.statusStates ? { statusStates: options.statusStates } : {}),
      },
    },
    truncated: pullDocs.length > MAX_ITEMS || issuesTruncated,
  };
}

/** The PRs some logins reviewed in the window, by their review facts (a bounded read of each PR by `_id`). */
async function findReviewedPulls(
  models: FlowModels,
  tenantId: string,
  logins: readonly string[],
  since: Date,
  range: TimeRange,
  fields: typeof PULL_FIELDS,
) {
  const reviews = await models.Review.find(
    { tenantId, author: { $in: [...logins] }, submittedAt: { $gte: since, $lt: range.to } },
    { repo: 1, prNumber: 1 },
  )
    .limit(MAX_ITEMS)
    .lean();
  const ids = [
    ...new Set(
      reviews.flatMap((review) =>
        review.prNumber === undefined ? [] : [`${tenantId}|${review.repo}|${review.prNumber}`],
      ),
    ),
  ];
  return ids.length === 0 ? [] : models.PullRequest.find({ tenantId, _id: { $in: ids } }, fields).lean();
}

/** Issues not deleted, created before the range's end, unfinished or resolved after `since`, with their moves. */
async function loadIssues(
  models: FlowModels,
  tenantId: string,
  accounts: readonly string[] | undefined,
  since: Date,
  range: TimeRange,
): Promise<{ issues: FlowWorkIssue[]; categories: Record<string, StatusCategory>; truncated: boolean }> {
  if (accounts && accounts.length === 0) return { issues: [], categories: {}, truncated: false };
  const docs = await models.JiraIssue.find(
    {
      tenantId,
      deleted: { $ne: true },
      ...(accounts ? { assignee: { $in: [...accounts] } } : {}),
      createdAt: { $lt: range.to },
      $or: [
        { statusCategory: { $ne: 'done' } },
        { resolvedAt: { $gte: since } },
        { updatedAt: { $gte: since } },
      ],
    },
    { issueId: 1, key: 1, type: 1, status: 1, statusCategory: 1, assignee: 1, createdAt: 1 },
  )
    .sort({ createdAt: -1 })
    .limit(MAX_ITEMS + 1)
    .lean();
  const kept = docs.slice(0, MAX_ITEMS).filter((doc) => doc.createdAt);
  const categories: Record<string, StatusCategory> = {};
  for (const doc of kept) {
    const category = categoryOf(doc.statusCategory);
    if (doc.status && category) categories[doc.status] = category;
  }
  const movesOf = new Map<string, { from?: string; to: string; at: Date }[]>();
  // $in scans on FerretDB v1 either way; chunks keep each query's list short.
  for (let start = 0; start < kept.length; start += 500) {
    const ids = kept.slice(start, start + 500).map((doc) => doc.issueId);
    const moves = await models.IssueTransition.find(
      { tenantId, issueId: { $in: ids } },
      { issueId: 1, from: 1, to: 1, fromCategory: 1, toCategory: 1, at: 1 },
    ).lean();
    for (const move of moves) {
      if (!move.to || !move.at) continue;
      // Transitions carry the categories of their day: they win over the issue's current one.
      const from = categoryOf(move.fromCategory);
      const to = categoryOf(move.toCategory);
      if (move.from && from) categories[move.from] = from;
      if (to) categories[move.to] = to;
      movesOf.set(move.issueId, [
        ...(movesOf.get(move.issueId) ?? []),
        { ...(move.from ? { from: move.from } : {}), to: move.to, at: move.at },
      ]);
    }
  }
  const issues = kept.map((doc): FlowWorkIssue => {
    const moves = (movesOf.get(doc.issueId) ?? []).sort((a, b) => a.at.getTime() - b.at.getTime());
    return {
      issueId: doc.issueId,
      key: doc.key ?? doc.issueId,
      type: doc.type ?? 'Issue',
      createdAt: doc.createdAt!,
      initialStatus: moves[0]?.from ?? doc.status ?? '',
      transitions: moves.map((move) => ({ to: move.to, at: move.at })),
      ...(doc.assignee ? { assignee: doc.assignee } : {}),
    };
  });
  return { issues, categories, truncated: docs.length > MAX_ITEMS };
}
