/** Real-shaped GitHub webhook payloads for one repository's PRs: opened, reviewed, CI, merged. */

export const REPO = { id: 9001, name: 'api', full_name: 'acme/api', owner: { login: 'acme' } };

export interface PullShape {
  number: number;
  author: string;
  title?: string;
  reviewers?: string[];
  sha?: string;
  merged?: boolean;
  updatedAt: string;
}

const user = (login: string) => ({ login, type: login.endsWith('[bot]') ? 'Bot' : 'User' });

export function pullRequest(pull: PullShape) {
  return {
    id: 70_000 + pull.number,
    number: pull.number,
    html_url: `https://github.com/acme/api/pull/${pull.number}`,
    title: pull.title ?? `Change ${pull.number}`,
    user: user(pull.author),
    state: pull.merged ? 'closed' : 'open',
    draft: false,
    merged: Boolean(pull.merged),
    merged_at: pull.merged ? pull.updatedAt : null,
    closed_at: pull.merged ? pull.updatedAt : null,
    created_at: '2027-01-22T10:00:00Z',
    updated_at: pull.updatedAt,
    requested_reviewers: (pull.reviewers ?? []).map(user),
    labels: [],
    head: { ref: `change-${pull.number}`, sha: pull.sha ?? `sha${pull.number}` },
    base: { ref: 'main' },
  };
}

export const pullRequestEvent = (action: string, pull: PullShape) => ({
  action,
  repository: { ...REPO, updated_at: '2027-01-01T00:00:00Z' },
  sender: user(pull.author),
  pull_request: pullRequest(pull),
});

export const reviewEvent = (
  pull: PullShape,
  review: { id: number; by: string; state: 'approved' | 'changes_requested'; at: string },
) => ({
  action: 'submitted',
  repository: { ...REPO, updated_at: '2027-01-01T00:00:00Z' },
  sender: user(review.by),
  pull_request: pullRequest(pull),
  review: {
    id: review.id,
    user: user(review.by),
    state: review.state,
    submitted_at: review.at,
    commit_id: pull.sha ?? `sha${pull.number}`,
    html_url: `https://github.com/acme/api/pull/${pull.number}#pullrequestreview-${review.id}`,
  },
});

export const failedWorkflowRunEvent = (run: { id: number; sha: string; at: string; actor: string }) => ({
  action: 'completed',
  repository: { ...REPO, updated_at: '2027-01-01T00:00:00Z' },
  sender: user(run.actor),
  workflow_run: {
    id: run.id,
    name: 'build',
    workflow_id: 11,
    event: 'pull_request',
    head_branch: 'change',
    head_sha: run.sha,
    run_number: run.id,
    run_attempt: 1,
    status: 'completed',
    conclusion: 'failure',
    created_at: run.at,
    updated_at: run.at,
    run_started_at: run.at,
    html_url: `https://github.com/acme/api/actions/runs/${run.id}`,
    actor: user(run.actor),
  },
});
