import { gitBlobSha } from './github-contents.ts';
import { HttpFake, sendJson, type RecordedRequest } from './http-fake.ts';
import { pageOf, sendWithEtag, takeFault, type Fault } from './paged-json.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- GitHub JSON

/** What one repository holds, as GitHub's REST API returns it. */
export interface GithubRepoData {
  repository: Json;
  /** Full pull request objects (GET /pulls/{n}); the listing leaves out the size fields, as GitHub does. */
  pulls: Json[];
  reviews: Map<number, Json[]>;
  /** REST commit objects on the default branch. */
  commits: Json[];
  deployments: Json[];
  statuses: Map<number, Json[]>;
  runs: Json[];
  releases: Json[];
  /** A pull request's files (GET /pulls/{n}/files, `{ filename, status, additions, ... }`); absent: 404. */
  pullFiles?: Map<number, Json[]>;
  /** A pull request's commits (GET /pulls/{n}/commits, REST commit objects, oldest first); absent: none. */
  pullCommits?: Map<number, Json[]>;
  /** Tags by name → the commit sha they point at (GET /commits/{ref} with a tag name as the ref). */
  tags?: Map<string, string>;
  /** Git commits by sha (GET /git/commits/{sha}). */
  gitCommits?: Map<string, Json>;
  /** File contents by branch, then path (GET /contents/{path}?ref=), answered base64 with their blob sha. */
  contents?: Map<string, Map<string, string>>;
}

const LISTING_ONLY_OMITS = [
  'additions',
  'deletions',
  'changed_files',
  'commits',
  'comments',
  'review_comments',
];
const time = (value: unknown) => new Date(String(value)).getTime();

/**
 * The GitHub REST endpoints the backfill reads, in GitHub's wire format: `token` auth, Link-header pagination,
 * strong ETags with 304 on If-None-Match, x-ratelimit-* headers on every answer, and injectable faults (a 429
 * with Retry-After, a 502, a 403 with x-ratelimit-remaining: 0).
 */
export class FakeGitHubRest {
  readonly http: HttpFake;
  readonly repos = new Map<string, GithubRepoData>();
  readonly faults: Fault[] = [];
  /** Answer the next request matching this as the last one of the rate-limit window (remaining 0), once. */
  lastInWindow?: { match: RegExp; resetAt: number };
  readonly token: string;
  #remaining = 5000;

  constructor(token = 'ghp_backfill') {
    this.token = token;
    this.http = new HttpFake((request, response) => {
      const rateHeaders = {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': String(Math.max(0, --this.#remaining)),
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'x-ratelimit-resource': 'core',
      };
      if (this.lastInWindow?.match.test(request.path)) {
        Object.assign(rateHeaders, {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(this.lastInWindow.resetAt),
        });
        this.lastInWindow = undefined;
      }
      const fault = takeFault(this.faults, request);
      if (fault) {
        sendJson(
          response,
          fault.status,
          fault.body ?? { message: 'Server Error', documentation_url: 'https://docs.github.com/rest' },
          { ...rateHeaders, ...fault.headers },
        );
        return;
      }
      if (request.headers.authorization !== `token ${this.token}`) {
        sendJson(response, 401, {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest',
        });
        return;
      }
      const found = this.#route(request);
      if (!found) {
        sendJson(response, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
        return;
      }
      const { body, headers } = found;
      sendWithEtag(request, response, body, { ...rateHeaders, ...headers });
    });
  }

  get url(): string {
    return this.http.url;
  }

  /** The requests for a path (query included) matching `pattern`, in order. */
  requestsTo(pattern: RegExp): RecordedRequest[] {
    return this.http.requests.filter((request) => pattern.test(request.path));
  }

  #route(request: RecordedRequest): { body: unknown; headers?: Record<string, string> } | undefined {
    const url = new URL(request.path, this.url);
    const match = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(url.pathname);
    const data = match ? this.repos.get(`${match[1]}/${match[2]}`) : undefined;
    if (!match || !data || request.method !== 'GET') return undefined;
    const rest = match[3] ?? '';
    const query = url.searchParams;
    const paged = (items: Json[]) => {
      const page = pageOf(this.url, request, items);
      return { body: page.items, headers: page.headers };
    };
    if (rest === '') return { body: data.repository };
    if (rest === '/pulls') {
      const state = query.get('state') ?? 'open';
      const direction = query.get('direction') === 'asc' ? 1 : -1;
      const key = query.get('sort') === 'updated' ? 'updated_at' : 'created_at';
      const listed = data.pulls
        .filter((pull) => state === 'all' || pull.state === state)
        .sort((a, b) => direction * (time(a[key]) - time(b[key])) || direction * (a.number - b.number))
        .map((pull) =>
          Object.fromEntries(Object.entries(pull).filter(([field]) => !LISTING_ONLY_OMITS.includes(field))),
        );
      return paged(listed);
    }
    const files = /^\/pulls\/(\d+)\/files$/.exec(rest);
    if (files) {
      const listed = data.pullFiles?.get(Number(files[1]));
      return listed ? paged(listed) : undefined;
    }
    const pullCommits = /^\/pulls\/(\d+)\/commits$/.exec(rest);
    if (pullCommits) {
      const pull = data.pulls.find((candidate) => candidate.number === Number(pullCommits[1]));
      return pull ? paged(data.pullCommits?.get(pull.number) ?? []) : undefined;
    }
    const commitRef = /^\/commits\/([^/]+)$/.exec(rest);
    if (commitRef) {
      // A sha, or a tag's name (GitHub also takes a branch's; the fakes' histories name tags).
      const ref = decodeURIComponent(commitRef[1]!);
      const sha = data.tags?.get(ref) ?? ref;
      const commit = data.commits.find((candidate) => candidate.sha === sha);
      return commit
        ? { body: { ...commit, stats: { total: 1, additions: 1, deletions: 0 }, files: [] } }
        : undefined;
    }
    const compare = /^\/compare\/([^/]+)$/.exec(rest);
    if (compare) return this.#compare(data, decodeURIComponent(compare[1]!), request);
    const gitCommit = /^\/git\/commits\/([0-9a-f]+)$/.exec(rest);
    if (gitCommit) {
      const commit = data.gitCommits?.get(gitCommit[1]!);
      return commit ? { body: commit } : undefined;
    }
    const content = /^\/contents\/(.+)$/.exec(rest);
    if (content) {
      const ref = query.get('ref') ?? data.repository.default_branch;
      const path = decodeURIComponent(content[1]!);
      const text = data.contents?.get(ref)?.get(path);
      if (text === undefined) return undefined;
      return {
        body: {
          type: 'file',
          encoding: 'base64',
          name: path.split('/').at(-1),
          path,
          sha: gitBlobSha(text),
          size: Buffer.byteLength(text),
          // GitHub wraps base64 at 60 characters.
          content: Buffer.from(text)
            .toString('base64')
            .replace(/(.{60})/g, '$1\n'),
        },
      };
    }
    let sub = /^\/pulls\/(\d+)(\/reviews)?$/.exec(rest);
    if (sub) {
      const pull = data.pulls.find((candidate) => candidate.number === Number(sub![1]));
      if (!pull) return undefined;
      return sub[2] ? paged(data.reviews.get(pull.number) ?? []) : { body: pull };
    }
    if (rest === '/commits') {
      const since = query.get('since');
      const until = query.get('until');
      return paged(
        data.commits
          .filter((commit) => !since || time(commit.commit.committer.date) >= time(since))
          .filter((commit) => !until || time(commit.commit.committer.date) <= time(until))
          .sort((a, b) => time(b.commit.committer.date) - time(a.commit.committer.date)),
      );
    }
    if (rest === '/deployments') {
      return paged(
        [...data.deployments].sort((a, b) => time(b.created_at) - time(a.created_at) || b.id - a.id),
      );
    }
    sub = /^\/deployments\/(\d+)\/statuses$/.exec(rest);
    if (sub) return paged([...(data.statuses.get(Number(sub[1])) ?? [])].reverse());
    if (rest === '/actions/runs') {
      const created = query.get('created') ?? '';
      const [from, to] = created.startsWith('>=') ? [created.slice(2), undefined] : created.split('..');
      const runs = data.runs
        .filter((run) => !from || time(run.created_at) >= time(from))
        .filter((run) => !to || time(run.created_at) <= time(to))
        .sort((a, b) => time(b.created_at) - time(a.created_at));
      const page = pageOf(this.url, request, runs);
      return { body: { total_count: runs.length, workflow_runs: page.items }, headers: page.headers };
    }
    if (rest === '/releases') {
      return paged([...data.releases].sort((a, b) => time(b.created_at) - time(a.created_at)));
    }
    return undefined;
  }

  /**
   * GET /compare/{base}...{head} over `commits` and their `parents`: the commits reachable from head and not
   * from base, oldest first, with `status`, `ahead_by`, `behind_by`, `total_commits` and the merge base. Without
   * `per_page`/`page` GitHub answers the first 250 commits; with them, that page and a Link header. An unknown
   * sha, or no common ancestor, is GitHub's 404.
   */
  #compare(data: GithubRepoData, basehead: string, request: RecordedRequest) {
    const [base, head] = basehead.split('...') as [string, string | undefined];
    const bySha = new Map(data.commits.map((commit) => [commit.sha as string, commit]));
    if (!head || !bySha.has(base) || !bySha.has(head)) return undefined;
    const reachable = (from: string) => {
      const order: string[] = [];
      const seen = new Set<string>();
      for (const queue = [from]; queue.length > 0;) {
        const sha = queue.shift()!;
        if (seen.has(sha) || !bySha.has(sha)) continue;
        seen.add(sha);
        order.push(sha);
        queue.push(...(bySha.get(sha)!.parents ?? []).map((parent: Json) => parent.sha as string));
      }
      return order;
    };
    const fromBase = new Set(reachable(base));
    const fromHead = reachable(head);
    const mergeBase = fromHead.find((sha) => fromBase.has(sha));
    if (!mergeBase) return undefined;
    const ahead = fromHead
      .filter((sha) => !fromBase.has(sha))
      .map((sha) => bySha.get(sha)!)
      .sort((a, b) => time(a.commit.committer.date) - time(b.commit.committer.date));
    const headSet = new Set(fromHead);
    const behindBy = [...fromBase].filter((sha) => !headSet.has(sha)).length;
    const status =
      ahead.length === 0 && behindBy === 0
        ? 'identical'
        : behindBy === 0
          ? 'ahead'
          : ahead.length === 0
            ? 'behind'
            : 'diverged';
    const query = new URL(request.path, this.url).searchParams;
    const page =
      query.has('per_page') || query.has('page')
        ? pageOf(this.url, request, ahead)
        : { items: ahead.slice(0, 250), headers: {} };
    const name = [...this.repos.entries()].find(([, repo]) => repo === data)![0];
    return {
      body: {
        url: `${this.url}/repos/${name}/compare/${basehead}`,
        html_url: `https://github.com/${name}/compare/${basehead}`,
        permalink_url: `https://github.com/${name}/compare/${base}...${head}`,
        diff_url: `https://github.com/${name}/compare/${basehead}.diff`,
        patch_url: `https://github.com/${name}/compare/${basehead}.patch`,
        base_commit: bySha.get(base),
        merge_base_commit: bySha.get(mergeBase),
        status,
        ahead_by: ahead.length,
        behind_by: behindBy,
        total_commits: ahead.length,
        commits: page.items,
        files: [],
      },
      headers: page.headers,
    };
  }
}
