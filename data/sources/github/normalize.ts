import { defined, toDate, versionOf, type FactWrite } from '../fact-write.ts';

/* Pure: a GitHub webhook payload (or an API object shaped like one, from backfill) to fact writes. */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- provider JSON

const loginOf = (user: Json | null | undefined): string | undefined =>
  typeof user?.login === 'string' ? user.login : undefined;

const logins = (users: Json[] | undefined): string[] =>
  (users ?? []).map(loginOf).filter((login): login is string => Boolean(login));

function identity(user: Json | null | undefined): FactWrite[] {
  const login = loginOf(user);
  if (!login || user?.type === 'Bot') return [];
  return [
    { kind: 'identity', key: { tool: 'github', handle: login }, onInsert: { personId: `github:${login}` } },
  ];
}

export function repositoryWrite(repo: Json): FactWrite {
  return {
    kind: 'repository',
    key: { repo: repo.full_name },
    once: defined({ provider: 'github', githubId: repo.id }),
    snapshot: {
      version: versionOf(toDate(repo.updated_at)),
      fields: defined({
        name: repo.name,
        owner: loginOf(repo.owner) ?? repo.owner?.name,
        defaultBranch: repo.default_branch ?? repo.master_branch,
        private: repo.private,
        archived: repo.archived,
        url: repo.html_url,
      }),
    },
  };
}

/**
 * GitHub's `mergeable` and `mergeable_state` (`dirty` is a conflict). Null (webhook payloads, or GitHub still
 * computing) says nothing, so it never erases what a read of the pull request found.
 */
function mergeableOf(pr: Json): 'clean' | 'conflicting' | undefined {
  if (pr.mergeable === false || pr.mergeable_state === 'dirty') return 'conflicting';
  return pr.mergeable === true ? 'clean' : undefined;
}

const PR_STATE_RANK = { open: 0, closed: 1, merged: 2 } as const;

/** A full 40-hex commit sha (a release's `target_commitish` is often a branch name instead). */
export const isCommitSha = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{40}$/i.test(value);

export function pullRequestWrites(repo: string, pr: Json, action: string | undefined): FactWrite[] {
  const merged = Boolean(pr.merged_at) || pr.merged === true;
  const state = merged ? 'merged' : pr.state === 'closed' ? 'closed' : 'open';
  const createdAt = toDate(pr.created_at);
  const updatedAt = toDate(pr.updated_at);
  // Ready for review: a PR opened (or first seen by backfill) as a non-draft was ready when created.
  const readyAt =
    action === 'ready_for_review'
      ? updatedAt
      : !pr.draft && action !== 'converted_to_draft'
        ? createdAt
        : undefined;
  return [
    {
      kind: 'pullRequest',
      key: { repo, number: pr.number },
      // `merge_commit_sha` is GitHub's test merge while open; only a merged PR's is final (merge, squash or
      // the last rebased commit), so it is kept once, from whichever merged payload or listing comes first.
      once: defined({
        githubId: pr.id,
        author: loginOf(pr.user),
        url: pr.html_url,
        mergeCommitSha: merged && isCommitSha(pr.merge_commit_sha) ? pr.merge_commit_sha : undefined,
      }),
      earliest: { openedAt: createdAt, readyAt, mergedAt: toDate(pr.merged_at) },
      snapshot: {
        version: versionOf(updatedAt, PR_STATE_RANK[state]),
        fields: defined({
          title: pr.title,
          state,
          draft: pr.draft,
          labels: Array.isArray(pr.labels) ? pr.labels.map((label: Json) => label.name) : undefined,
          requestedReviewers: Array.isArray(pr.requested_reviewers)
            ? logins(pr.requested_reviewers)
            : undefined,
          assignees: Array.isArray(pr.assignees) ? logins(pr.assignees) : undefined,
          additions: pr.additions,
          deletions: pr.deletions,
          changedFiles: pr.changed_files,
          commits: pr.commits,
          baseRef: pr.base?.ref,
          headRef: pr.head?.ref,
          headSha: pr.head?.sha,
          mergeable: mergeableOf(pr),
          closedAt: state === 'open' ? null : toDate(pr.closed_at),
          updatedAt,
        }),
      },
    },
    ...identity(pr.user),
  ];
}

const REVIEW_STATE_RANK: Record<string, number> = {
  commented: 0,
  approved: 1,
  changes_requested: 1,
  dismissed: 2,
};

export function reviewWrites(
  repo: string,
  prNumber: number,
  prAuthor: string | undefined,
  review: Json,
): FactWrite[] {
  const state = String(review.state).toLowerCase();
  const submittedAt = toDate(review.submitted_at);
  const reviewer = loginOf(review.user);
  const byOther = reviewer !== undefined && reviewer !== prAuthor && state !== 'pending';
  return [
    {
      kind: 'review',
      key: { repo, reviewId: review.id },
      once: defined({ prNumber, author: reviewer, commitId: review.commit_id, url: review.html_url }),
      earliest: { submittedAt },
      snapshot: { version: versionOf(submittedAt, REVIEW_STATE_RANK[state] ?? 0), fields: { state } },
    },
    ...(byOther
      ? [
          {
            kind: 'pullRequest',
            key: { repo, number: prNumber },
            earliest: {
              firstReviewAt: submittedAt,
              approvedAt: state === 'approved' ? submittedAt : undefined,
            },
            union: { reviewers: [reviewer] },
          } satisfies FactWrite,
        ]
      : []),
    ...identity(review.user),
  ];
}

const titleOf = (commit: Json) => String(commit.message ?? '').split('\n')[0]!;

/**
 * A push commit's authored time: the payload's `timestamp` (the author date, which a rebase keeps), or
 * `author.date` where backfill maps a REST commit to this shape.
 */
const authoredAtOf = (commit: Json) => toDate(commit.author?.date) ?? toDate(commit.timestamp);

/** One commit as a push payload lists it (backfill maps a REST commit to this shape), seen on `branch`. */
export function commitWrites(repo: string, commit: Json, branch: string | undefined): FactWrite[] {
  return [
    {
      kind: 'commit',
      key: { repo, sha: commit.id },
      once: defined({
        title: titleOf(commit),
        authorLogin: commit.author?.username,
        authorName: commit.author?.name,
        committedAt: toDate(commit.timestamp),
        authoredAt: authoredAtOf(commit),
        url: commit.url,
      }),
      ...(branch ? { union: { branches: [branch] } } : {}),
    } satisfies FactWrite,
    ...(commit.author?.username ? identity({ login: commit.author.username, type: 'User' }) : []),
  ];
}

/**
 * A branch push, whole: its `before` → `after` link chains the branch's history for delivery metrics, with
 * every commit it lists (a fast-forward of a feature branch lists them as not `distinct`, yet they are new on
 * this branch). Its time is the head commit's, else the repository's `pushed_at` that GitHub stamps on the
 * delivery (a deleted branch has no head commit). A deletion is recorded, without commits.
 */
function pushFactWrite(repo: string, branch: string, payload: Json): FactWrite {
  const deleted = payload.deleted === true;
  return {
    kind: 'push',
    key: { repo, branch, after: String(payload.after) },
    once: defined({
      before: typeof payload.before === 'string' ? payload.before : undefined,
      pushedAt: toDate(payload.head_commit?.timestamp) ?? toDate(payload.repository?.pushed_at),
      commits: deleted
        ? undefined
        : (payload.commits ?? []).map((commit: Json) =>
            defined({ sha: commit.id, title: titleOf(commit), authoredAt: authoredAtOf(commit) }),
          ),
      forced: payload.forced === true,
      created: payload.created === true,
      deleted,
    }),
  };
}

function pushWrites(repo: string, payload: Json): FactWrite[] {
  const isBranch = String(payload.ref).startsWith('refs/heads/');
  const branch = isBranch ? String(payload.ref).replace(/^refs\/heads\//, '') : undefined;
  // A tag push is no branch's history (releases and deployments name tags): its commits only.
  return [
    ...(branch && typeof payload.after === 'string' ? [pushFactWrite(repo, branch, payload)] : []),
    ...(payload.commits ?? []).flatMap((commit: Json) => commitWrites(repo, commit, branch)),
  ];
}

const DEPLOYMENT_STATE_RANK: Record<string, number> = {
  pending: 0,
  queued: 0,
  in_progress: 1,
  success: 2,
  failure: 2,
  error: 2,
  inactive: 3,
};

export function deploymentWrites(repo: string, deployment: Json): FactWrite[] {
  return [
    {
      kind: 'deployment',
      key: { repo, deploymentId: deployment.id },
      once: defined({
        sha: deployment.sha,
        ref: deployment.ref,
        environment: deployment.environment,
        task: deployment.task,
        creator: loginOf(deployment.creator),
        createdAt: toDate(deployment.created_at),
        url: deployment.url,
      }),
    },
    ...identity(deployment.creator),
  ];
}

export function deploymentStatusWrites(repo: string, deployment: Json, status: Json): FactWrite[] {
  const state = String(status.state);
  const at = toDate(status.created_at);
  return [
    ...deploymentWrites(repo, deployment),
    {
      kind: 'deployment',
      key: { repo, deploymentId: deployment.id },
      earliest: {
        firstSuccessAt: state === 'success' ? at : undefined,
        firstFailureAt: state === 'failure' || state === 'error' ? at : undefined,
      },
      snapshot: {
        version: versionOf(at, DEPLOYMENT_STATE_RANK[state] ?? 0),
        fields: { latestState: state, latestStatusAt: at },
      },
    },
    {
      kind: 'deploymentStatus',
      key: { repo, statusId: status.id },
      once: defined({
        deploymentId: deployment.id,
        state,
        environment: status.environment ?? deployment.environment,
        creator: loginOf(status.creator),
        description: status.description ?? undefined,
        createdAt: at,
      }),
    },
  ];
}

const RUN_STATUS_RANK: Record<string, number> = {
  requested: 0,
  queued: 0,
  waiting: 0,
  pending: 0,
  in_progress: 1,
  completed: 2,
};

export function workflowRunWrites(repo: string, run: Json): FactWrite[] {
  const updatedAt = toDate(run.updated_at);
  return [
    {
      kind: 'ciRun',
      key: { kind: 'workflow_run', runId: run.id },
      once: defined({
        repo,
        name: run.name,
        workflowId: run.workflow_id,
        event: run.event,
        headBranch: run.head_branch,
        headSha: run.head_sha,
        runNumber: run.run_number,
        createdAt: toDate(run.created_at),
        url: run.html_url,
      }),
      earliest: { startedAt: toDate(run.run_started_at) },
      latest: { completedAt: run.status === 'completed' ? updatedAt : undefined },
      snapshot: {
        version: versionOf(updatedAt, RUN_STATUS_RANK[run.status] ?? 0),
        fields: defined({ status: run.status, conclusion: run.conclusion, runAttempt: run.run_attempt }),
      },
    },
    ...identity(run.actor),
  ];
}

function checkRunWrites(repo: string, run: Json): FactWrite[] {
  const startedAt = toDate(run.started_at);
  const completedAt = toDate(run.completed_at);
  return [
    {
      kind: 'ciRun',
      key: { kind: 'check_run', runId: run.id },
      once: defined({
        repo,
        name: run.name,
        headSha: run.head_sha,
        headBranch: run.check_suite?.head_branch ?? undefined,
        createdAt: startedAt,
        url: run.html_url,
      }),
      earliest: { startedAt },
      latest: { completedAt },
      snapshot: {
        version: versionOf(completedAt ?? startedAt, RUN_STATUS_RANK[run.status] ?? 0),
        fields: defined({ status: run.status, conclusion: run.conclusion }),
      },
    },
  ];
}

export function releaseWrites(repo: string, action: string | undefined, release: Json): FactWrite[] {
  const deleted = action === 'deleted';
  const at = toDate(release.published_at) ?? toDate(release.created_at);
  return [
    {
      kind: 'release',
      key: { repo, releaseId: release.id },
      once: defined({
        author: loginOf(release.author),
        createdAt: toDate(release.created_at),
        url: release.html_url,
      }),
      snapshot: {
        version: versionOf(at, deleted ? 9 : release.draft ? 0 : 1),
        fields: defined({
          tag: release.tag_name,
          targetCommitish: release.target_commitish ?? undefined,
          // A branch name is resolved to the tag's commit by the enricher (enrich-delivery-facts.ts).
          sha: isCommitSha(release.target_commitish) ? release.target_commitish.toLowerCase() : undefined,
          name: release.name ?? undefined,
          draft: release.draft,
          prerelease: release.prerelease,
          publishedAt: toDate(release.published_at),
          deleted,
        }),
      },
    },
    ...identity(release.author),
  ];
}

/** Every write one GitHub event implies; an event type it does not know implies none. */
export function normalizeGithubEvent(eventType: string, payload: Json): FactWrite[] {
  const repo: string = payload.repository.full_name;
  const writes: FactWrite[] = [repositoryWrite(payload.repository), ...identity(payload.sender)];
  switch (eventType) {
    case 'pull_request':
      return [...writes, ...pullRequestWrites(repo, payload.pull_request, payload.action)];
    case 'pull_request_review':
      return [
        ...writes,
        ...reviewWrites(
          repo,
          payload.pull_request.number,
          loginOf(payload.pull_request.user),
          payload.review,
        ),
      ];
    case 'push':
      return [...writes, ...pushWrites(repo, payload)];
    case 'deployment':
      return [...writes, ...deploymentWrites(repo, payload.deployment)];
    case 'deployment_status':
      return [...writes, ...deploymentStatusWrites(repo, payload.deployment, payload.deployment_status)];
    case 'workflow_run':
      return [...writes, ...workflowRunWrites(repo, payload.workflow_run)];
    case 'check_run':
      return [...writes, ...checkRunWrites(repo, payload.check_run)];
    case 'release':
      return [...writes, ...releaseWrites(repo, payload.action, payload.release)];
    default:
      return [];
  }
}
