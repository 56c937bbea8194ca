import { createHash } from 'node:crypto';
import { HttpFake, sendJson } from './http-fake.ts';

export interface FakeCommitAuthor {
  login?: string;
  name: string;
  date: string;
}

/** The git blob sha GitHub reports: sha1 of `blob <length>\0<content>`. */
export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content);
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
    .digest('hex');
}

/**
 * The slice of GitHub's REST API that reading a repository's docs uses, in its wire format: repos.get,
 * repos.getCommit, git.getTree (recursive), git.getBlob (base64) and repos.listCommits filtered by path.
 * Files and their history are set by the test; every commit of files changes the head sha.
 */
export class FakeGitHubContents {
  readonly http: HttpFake;
  readonly owner = 'acme';
  readonly repo = 'payments';
  files = new Map<string, string>();
  history = new Map<string, FakeCommitAuthor[]>();
  #revision = 1;

  constructor() {
    this.http = new HttpFake((request, response) => {
      const url = new URL(request.path, 'http://fake');
      const prefix = `/repos/${this.owner}/${this.repo}`;
      if (!url.pathname.startsWith(prefix)) return sendJson(response, 404, { message: 'Not Found' });
      const rest = url.pathname.slice(prefix.length);
      if (rest === '') {
        return sendJson(response, 200, {
          id: 1,
          name: this.repo,
          full_name: `${this.owner}/${this.repo}`,
          default_branch: 'main',
          html_url: `https://github.example/${this.owner}/${this.repo}`,
        });
      }
      if (rest === '/commits/main') {
        return sendJson(response, 200, {
          sha: this.headSha,
          commit: { tree: { sha: `tree-${this.#revision}` } },
        });
      }
      if (rest === `/git/trees/tree-${this.#revision}`) {
        return sendJson(response, 200, {
          sha: `tree-${this.#revision}`,
          truncated: false,
          tree: [...this.files].map(([path, content]) => ({
            path,
            mode: '100644',
            type: 'blob',
            sha: gitBlobSha(content),
            size: Buffer.byteLength(content),
          })),
        });
      }
      const blob = /^\/git\/blobs\/([0-9a-f]{40})$/.exec(rest);
      if (blob) {
        const content = [...this.files.values()].find((candidate) => gitBlobSha(candidate) === blob[1]);
        if (content === undefined) return sendJson(response, 404, { message: 'Not Found' });
        return sendJson(response, 200, {
          sha: blob[1],
          size: Buffer.byteLength(content),
          encoding: 'base64',
          content: Buffer.from(content)
            .toString('base64')
            .replace(/(.{60})/g, '$1\n'),
        });
      }
      if (rest === '/commits') {
        const authors = this.history.get(url.searchParams.get('path') ?? '') ?? [];
        return sendJson(
          response,
          200,
          authors.map((author, index) => ({
            sha: `${index}`.padStart(40, 'c'),
            commit: {
              author: { name: author.name, date: author.date },
              committer: { name: author.name, date: author.date },
            },
            author: author.login ? { login: author.login } : null,
          })),
        );
      }
      return sendJson(response, 404, { message: 'Not Found' });
    });
  }

  get headSha(): string {
    return `${this.#revision}`.padStart(40, 'a');
  }

  /** Records a new head commit after the test changed `files`. */
  commit(): void {
    this.#revision += 1;
  }

  blobRequests(): string[] {
    return this.http.requests
      .filter((request) => request.path.includes('/git/blobs/'))
      .map((request) => request.path);
  }
}
