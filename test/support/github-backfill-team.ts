import { createRequire } from 'node:module';
import type { GithubRepoData } from '../fakes/github-rest-api.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GitHub JSON

interface ExampleGroup {
  name: string;
  examples: Json[];
}
const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as ExampleGroup[];
const example = (name: string, action?: string) =>
  structuredClone(
    examples.find((group) => group.name === name)!.examples.find((e) => !action || e.action === action)!,
  );

export interface WebhookEvent {
  event: string;
  payload: Json;
}

const day = (n: number, hour = 10) => new Date(Date.UTC(2026, 8, 1 + n, hour)).toISOString();
const sha = (n: number) => n.toString(16).padStart(40, 'a');

/**
 * One repository's history built from GitHub's own webhook examples (real objects, renumbered): what the REST
 * fake serves, and the webhook deliveries that tell the same story. Items numbered below `firstInRange` are
 * older than `since()` and must not be backfilled.
 */
export function buildGithubRepo(fullName: string, options: { pulls?: number } = {}) {
  const [owner, name] = fullName.split('/') as [string, string];
  const template = example('pull_request', 'opened');
  const user = (login: string): Json => ({
    ...template.sender,
    login,
    id: login.length * 1000 + login.charCodeAt(0),
    type: 'User',
  });
  const people = ['ana', 'ben', 'cho'].map(user);
  const repository: Json = {
    ...template.repository,
    id: 900_000 + fullName.length,
    name,
    full_name: fullName,
    owner: { ...template.repository.owner, login: owner, type: 'Organization' },
    html_url: `https://github.com/${fullName}`,
    default_branch: 'main',
    updated_at: day(0),
  };
  const pullCount = options.pulls ?? 7;
  const data: GithubRepoData = {
    repository,
    pulls: [],
    reviews: new Map(),
    commits: [],
    deployments: [],
    statuses: new Map(),
    runs: [],
    releases: [],
    pullCommits: new Map(),
    tags: new Map(),
  };
  const events: WebhookEvent[] = [];
  const send = (event: string, payload: Json, inRange: boolean) => {
    if (inRange) events.push({ event, payload: { ...payload, repository } });
  };

  // Pull request 1 was last updated before the range; the others are spread over it.
  for (let n = 1; n <= pullCount; n++) {
    const author = people[n % 3]!;
    const merged = n % 3 === 0;
    const closed = n % 5 === 0;
    const updatedAt = n === 1 ? '2026-08-01T09:00:00Z' : day(n, 16);
    const pull: Json = {
      ...structuredClone(template.pull_request),
      id: 5_000_000 + n,
      number: n,
      title: `Change number ${n}`,
      user: author,
      html_url: `https://github.com/${fullName}/pull/${n}`,
      url: `https://api.github.com/repos/${fullName}/pulls/${n}`,
      state: merged || closed ? 'closed' : 'open',
      draft: false,
      created_at: n === 1 ? '2026-07-30T09:00:00Z' : day(n, 9),
      updated_at: updatedAt,
      closed_at: merged || closed ? updatedAt : null,
      merged_at: merged ? updatedAt : null,
      merged,
      // GitHub's test merge while open, the squash commit once merged.
      merge_commit_sha: sha(300 + n),
      labels: n % 2 ? [{ id: 1, name: 'backend', color: 'ededed', default: false }] : [],
      requested_reviewers: [people[(n + 1) % 3]],
      additions: 10 * n,
      deletions: n,
      changed_files: n,
      commits: 1 + (n % 3),
    };
    data.pulls.push(pull);
    // Its commits, authored the day before it was opened (the second rebased in between: committed later).
    data.pullCommits!.set(
      n,
      [0, 1].slice(0, pull.commits).map((k) => ({
        sha: sha(400 + n * 10 + k),
        node_id: `C_pr${n}_${k}`,
        commit: {
          author: {
            name: `${author.login} Person`,
            email: `${author.login}@acme.test`,
            date: day(n - 1, 9 + k),
          },
          committer: { name: 'GitHub', email: 'noreply@github.com', date: day(n, 8 - k) },
          message: `Work on change ${n}, part ${k + 1}`,
          tree: {
            sha: sha(500 + n),
            url: `https://api.github.com/repos/${fullName}/git/trees/${sha(500 + n)}`,
          },
          url: `https://api.github.com/repos/${fullName}/git/commits/${sha(400 + n * 10 + k)}`,
          comment_count: 0,
          verification: { verified: false, reason: 'unsigned', signature: null, payload: null },
        },
        url: `https://api.github.com/repos/${fullName}/commits/${sha(400 + n * 10 + k)}`,
        html_url: `https://github.com/${fullName}/commit/${sha(400 + n * 10 + k)}`,
        author,
        committer: { login: 'web-flow', type: 'User' },
        parents: [],
      })),
    );
    send(
      'pull_request',
      { action: merged || closed ? 'closed' : 'opened', number: n, pull_request: pull, sender: author },
      n > 1,
    );
    const reviews = [1, 2].slice(0, 1 + (n % 2)).map((k) => ({
      ...example('pull_request_review', 'submitted').review,
      id: 7_000_000 + n * 10 + k,
      user: people[(n + k) % 3],
      state: k === 1 ? 'COMMENTED' : 'APPROVED',
      submitted_at: day(n, 11 + k),
      commit_id: sha(n),
      html_url: `https://github.com/${fullName}/pull/${n}#pullrequestreview-${7_000_000 + n * 10 + k}`,
      pull_request_url: pull.url,
    }));
    data.reviews.set(n, reviews);
    for (const review of reviews) {
      send(
        'pull_request_review',
        {
          action: 'submitted',
          review: { ...review, state: review.state.toLowerCase() },
          pull_request: pull,
          sender: review.user,
        },
        n > 1,
      );
    }
  }

  // Commits on main: the first is older than the range.
  const commits = [0, 2, 4, 6].map((n, index) => {
    const author = people[index % 3]!;
    const date = n === 0 ? '2026-08-15T12:00:00Z' : day(n, 15);
    return {
      rest: {
        sha: sha(100 + n),
        node_id: `C_${n}`,
        commit: {
          author: { name: `${author.login} Person`, email: `${author.login}@acme.test`, date },
          committer: { name: 'GitHub', email: 'noreply@github.com', date },
          message: `Commit ${n}\n\nWith a body.`,
          tree: {
            sha: sha(200 + n),
            url: `https://api.github.com/repos/${fullName}/git/trees/${sha(200 + n)}`,
          },
          url: `https://api.github.com/repos/${fullName}/git/commits/${sha(100 + n)}`,
          comment_count: 0,
        },
        url: `https://api.github.com/repos/${fullName}/commits/${sha(100 + n)}`,
        html_url: `https://github.com/${fullName}/commit/${sha(100 + n)}`,
        author,
        committer: { login: 'web-flow', type: 'User' },
        parents: [],
      },
      push: {
        id: sha(100 + n),
        tree_id: sha(200 + n),
        distinct: true,
        message: `Commit ${n}\n\nWith a body.`,
        timestamp: date,
        url: `https://github.com/${fullName}/commit/${sha(100 + n)}`,
        author: {
          name: `${author.login} Person`,
          email: `${author.login}@acme.test`,
          username: author.login,
        },
        committer: { name: 'GitHub', email: 'noreply@github.com', username: 'web-flow' },
        added: [],
        removed: [],
        modified: ['README.md'],
      },
      inRange: n > 0,
    };
  });
  data.commits = commits.map((commit) => commit.rest);
  const pushed = commits.filter((commit) => commit.inRange).map((commit) => commit.push);
  send(
    'push',
    {
      ref: 'refs/heads/main',
      before: sha(1),
      after: pushed.at(-1)!.id,
      commits: pushed,
      head_commit: pushed.at(-1),
      pusher: { name: 'ana' },
      sender: people[0],
    },
    true,
  );

  // Deployments: one before the range, one that succeeded, one that failed.
  const statusTemplate = example('deployment_status');
  [0, 3, 5].forEach((n, index) => {
    const creator = people[index % 3]!;
    const deployment = {
      ...structuredClone(statusTemplate.deployment),
      id: 8_000_000 + n,
      sha: sha(100 + n),
      ref: 'main',
      environment: 'production',
      creator,
      created_at: n === 0 ? '2026-08-20T10:00:00Z' : day(n, 17),
      updated_at: n === 0 ? '2026-08-20T10:05:00Z' : day(n, 18),
      url: `https://api.github.com/repos/${fullName}/deployments/${8_000_000 + n}`,
    };
    const statuses = ['in_progress', n === 5 ? 'failure' : 'success'].map((state, k) => ({
      ...structuredClone(statusTemplate.deployment_status),
      id: 9_000_000 + n * 10 + k,
      state,
      creator,
      environment: 'production',
      description: `${state} deploy`,
      created_at: n === 0 ? '2026-08-20T10:0' + (k + 1) + ':00Z' : day(n, 17 + k),
      updated_at: n === 0 ? '2026-08-20T10:0' + (k + 1) + ':00Z' : day(n, 17 + k),
    }));
    data.deployments.push(deployment);
    data.statuses.set(deployment.id, statuses);
    send('deployment', { action: 'created', deployment, sender: creator }, n > 0);
    for (const status of statuses) {
      send(
        'deployment_status',
        { action: 'created', deployment, deployment_status: status, sender: creator },
        n > 0,
      );
    }
  });

  // Workflow runs, one before the range.
  const runTemplate = example('workflow_run', 'completed').workflow_run;
  [0, 2, 3, 6].forEach((n, index) => {
    const run = {
      ...structuredClone(runTemplate),
      id: 6_000_000 + n,
      name: 'CI',
      run_number: 40 + n,
      head_branch: 'main',
      head_sha: sha(100 + n),
      event: 'push',
      status: 'completed',
      conclusion: n === 3 ? 'failure' : 'success',
      actor: people[index % 3],
      created_at: n === 0 ? '2026-08-10T08:00:00Z' : day(n, 8),
      run_started_at: n === 0 ? '2026-08-10T08:00:05Z' : day(n, 8),
      updated_at: n === 0 ? '2026-08-10T08:09:00Z' : day(n, 9),
      html_url: `https://github.com/${fullName}/actions/runs/${6_000_000 + n}`,
    };
    data.runs.push(run);
    send('workflow_run', { action: 'completed', workflow_run: run, sender: run.actor }, n > 0);
  });

  // Releases, one before the range.
  const releaseTemplate = example('release', 'published').release;
  [0, 4, 6].forEach((n) => {
    const release = {
      ...structuredClone(releaseTemplate),
      id: 4_000_000 + n,
      tag_name: `v1.${n}.0`,
      name: `v1.${n}.0`,
      // Made from the branch (its tag then names the commit), or from a commit sha.
      target_commitish: n === 6 ? sha(100 + n) : 'main',
      draft: false,
      prerelease: false,
      author: people[1],
      created_at: n === 0 ? '2026-08-05T10:00:00Z' : day(n, 12),
      published_at: n === 0 ? '2026-08-05T10:01:00Z' : day(n, 13),
      html_url: `https://github.com/${fullName}/releases/tag/v1.${n}.0`,
    };
    data.releases.push(release);
    data.tags!.set(release.tag_name, sha(100 + n));
    send('release', { action: 'published', release, sender: release.author }, n > 0);
  });

  return { data, events };
}

/** The start of the range the built histories are backfilled for: everything numbered 0 or 1 is older. */
export const GITHUB_SINCE = new Date('2026-09-01T00:00:00Z');
