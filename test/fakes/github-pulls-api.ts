import { HttpFake, sendJson, type RecordedRequest } from './http-fake.ts';

interface Comment {
  id: number;
  body: string;
  html_url: string;
}

/**
 * The GitHub REST endpoints the pull-request executors call, in GitHub's wire format: add labels, list and
 * create issue comments (paged with a Link header), merge a pull request (405 once merged).
 */
export class FakeGitHubPulls {
  readonly http: HttpFake;
  readonly labels = new Map<string, string[]>();
  readonly comments = new Map<string, Comment[]>();
  readonly merged = new Set<string>();
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

  #route(
    request: RecordedRequest,
    send: (status: number, body: unknown, headers?: Record<string, string>) => void,
  ) {
    const url = new URL(request.path, 'http://fake');
    const match = /^\/repos\/([^/]+)\/([^/]+)\/(issues|pulls)\/(\d+)\/(labels|comments|merge)$/.exec(
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
