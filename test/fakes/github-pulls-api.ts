import { HttpFake, sendJson, type RecordedRequest } from './http-fake.ts';

interface Comment {
  id: number;
  body: string;
  html_url: string;
}

/**
 * The GitHub REST endpoints the pull-request executors call, in GitHub's wire format: add labels, list and
 * create issue comments (paged with a Link header), merge a pull request (405 once merged), request reviewers
 * (422 for the author, as GitHub does).
 */
export class FakeGitHubPulls {
  readonly http: HttpFake;
  readonly labels = new Map<string, string[]>();
  readonly comments = new Map<string, Comment[]>();
  readonly merged = new Set<string>();
  /** Requested reviewers by pull request; the author of each is in `authors` (GitHub refuses to ask them). */
  readonly requestedReviewers = new Map<string, string[]>();
  readonly authors = new Map<string, string>();
  /** Status codes to answer the next calls with, e.g. [502]. */
  readonly failNext: number[] = [];
  #nextId = 1;

  constructor() {
    this.http = new HttpFake((request, response) => {
      const failure = this.failNext.shift();
      if (failure) {
        sendJson(response, failure, {
          message: 'Server Error',
          documentation_url: 'https://docs.github.com/rest',
        });
        return;
      }
      if (request.headers.authorization !== 'token ghp_fake') {
        sendJson(response, 401, {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest',
        });
        return;
      }
      this.#route(request, (status, body, headers) => sendJson(response, status, body, headers));
    });
  }

  get url(): string {
    return this.http.url;
  }

  /** How many times GitHub was asked to merge a pull request (`acme/api#42`), whatever it answered. */
  mergeCalls(pull: string): number {
    const [repo, number] = pull.split('#');
    return this.http.requests.filter(
      (request) => request.method === 'PUT' && request.path === `/repos/${repo}/pulls/${number}/merge`,
    ).length;
  }

  /** How many times GitHub was asked to request reviewers on a pull request (`acme/api#42`). */
  reviewRequestCalls(pull: string): number {
    const [repo, number] = pull.split('#');
    return this.http.requests.filter(
      (request) =>
        request.method === 'POST' && request.path === `/repos/${repo}/pulls/${number}/requested_reviewers`,
    ).length;
  }

  #route(
    request: RecordedRequest,
    send: (status: number, body: unknown, headers?: Record<string, string>) => void,
  ) {
    const url = new URL(request.path, 'http://fake');
    const match =
      /^\/repos\/([^/]+)\/([^/]+)\/(issues|pulls)\/(\d+)\/(labels|comments|merge|requested_reviewers)$/.exec(
        url.pathname,
      );
    if (!match) return send(404, { message: 'Not Found' });
    const [, owner, repo, , number, what] = match;
    const key = `${owner}/${repo}#${number}`;
    if (what === 'labels' && request.method === 'POST') {
      const { labels } = JSON.parse(request.body) as { labels: string[] };
      const all = [...new Set([...(this.labels.get(key) ?? []), ...labels])];
      this.labels.set(key, all);
      return send(
        200,
        all.map((name, index) => ({ id: index + 1, name, color: 'ededed', default: false })),
      );
    }
    if (what === 'comments' && request.method === 'GET') {
      const all = this.comments.get(key) ?? [];
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const link: Record<string, string> =
        page < last
          ? {
              link: `<${this.url}${url.pathname}?per_page=${perPage}&page=${page + 1}>; rel="next", <${this.url}${url.pathname}?per_page=${perPage}&page=${last}>; rel="last"`,
            }
          : {};
      return send(200, all.slice((page - 1) * perPage, page * perPage), link);
    }
    if (what === 'comments' && request.method === 'POST') {
      const { body } = JSON.parse(request.body) as { body: string };
      const id = this.#nextId++;
      const comment = {
        id,
        body,
        html_url: `https://github.com/${owner}/${repo}/pull/${number}#issuecomment-${id}`,
      };
      this.comments.set(key, [...(this.comments.get(key) ?? []), comment]);
      return send(201, comment);
    }
    if (what === 'requested_reviewers' && request.method === 'POST') {
      const { reviewers = [] } = JSON.parse(request.body) as { reviewers?: string[] };
      const author = this.authors.get(key);
      if (author && reviewers.some((login) => login.toLowerCase() === author.toLowerCase())) {
        return send(422, {
          message: 'Review cannot be requested from pull request author.',
          documentation_url:
            'https://docs.github.com/rest/pulls/review-requests#request-reviewers-for-a-pull-request',
        });
      }
      const all = [...new Set([...(this.requestedReviewers.get(key) ?? []), ...reviewers])];
      this.requestedReviewers.set(key, all);
      return send(201, {
        number: Number(number),
        state: 'open',
        html_url: `https://github.com/${owner}/${repo}/pull/${number}`,
        user: { login: author ?? 'octocat', type: 'User' },
        requested_reviewers: all.map((login, index) => ({ login, id: 1000 + index, type: 'User' })),
        requested_teams: [],
      });
    }
    if (what === 'merge' && request.method === 'PUT') {
      if (this.merged.has(key)) return send(405, { message: 'Pull Request is not mergeable' });
      this.merged.add(key);
      return send(200, {
        sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
        merged: true,
        message: 'Pull Request successfully merged',
      });
    }
    return send(404, { message: 'Not Found' });
  }
}
