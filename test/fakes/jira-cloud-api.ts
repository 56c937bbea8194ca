import { HttpFake, sendJson, type RecordedRequest } from './http-fake.ts';
import { takeFault, type Fault } from './paged-json.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Jira JSON

const time = (value: unknown) => new Date(String(value).replace(/\+0000$/, 'Z')).getTime();

/** `updated >= "2026-09-01 00:00" AND updated <= "..."`: the bounds of the JQL the backfill sends, in ms (UTC). */
function updatedBounds(jql: string): { from: number; to: number } {
  const bound = (operator: string) => {
    const match = new RegExp(`updated ${operator} "([^"]+)"`).exec(jql);
    return match ? Date.parse(`${match[1]!.replace(' ', 'T')}:00Z`) : undefined;
  };
  return { from: bound('>=') ?? 0, to: (bound('<=') ?? Number.POSITIVE_INFINITY) + 59_999 };
}

/**
 * The Jira Cloud REST endpoints the backfill reads, in Jira's wire format: basic auth with an email and API
 * token, the enhanced JQL search (`/rest/api/3/search/jql`, nextPageToken paging, changelog expanded), the
 * changelog, statuses, and the Agile boards and sprints (startAt paging); injectable faults.
 */
export class FakeJiraCloud {
  readonly http: HttpFake;
  /** REST issues, each with `changelog.histories` (all of them: the search expands up to `changelogLimit`). */
  readonly issues: Json[] = [];
  readonly statuses: Json[] = [];
  readonly boards: Json[] = [];
  readonly sprints = new Map<number, Json[]>();
  readonly faults: Fault[] = [];
  changelogLimit = 100;
  readonly email = 'backfill@acme.example';
  readonly apiToken = 'jira-api-token';

  constructor() {
    this.http = new HttpFake((request, response) => {
      const fault = takeFault(this.faults, request);
      if (fault) {
        sendJson(
          response,
          fault.status,
          fault.body ?? { errorMessages: ['Service unavailable'] },
          fault.headers,
        );
        return;
      }
      const expected = `Basic ${Buffer.from(`${this.email}:${this.apiToken}`).toString('base64')}`;
      if (request.headers.authorization !== expected) {
        sendJson(response, 401, { errorMessages: ['Client must be authenticated to access this resource.'] });
        return;
      }
      const body = this.#route(request);
      if (body === undefined) sendJson(response, 404, { errorMessages: ['Not found'] });
      else sendJson(response, 200, body);
    });
  }

  get url(): string {
    return this.http.url;
  }

  requestsTo(pattern: RegExp): RecordedRequest[] {
    return this.http.requests.filter((request) => pattern.test(request.path));
  }

  #route(request: RecordedRequest): unknown {
    const url = new URL(request.path, this.url);
    const query = url.searchParams;
    const startAt = Number(query.get('startAt') ?? 0);
    const maxResults = Number(query.get('maxResults') ?? 50);
    const agilePage = (values: Json[]) => ({
      maxResults,
      startAt,
      total: values.length,
      isLast: startAt + maxResults >= values.length,
      values: values.slice(startAt, startAt + maxResults),
    });
    if (url.pathname === '/rest/api/3/status') return this.statuses;
    if (url.pathname === '/rest/api/3/search/jql') {
      const { from, to } = updatedBounds(query.get('jql') ?? '');
      const matching = this.issues
        .filter((issue) => time(issue.fields.updated) >= from && time(issue.fields.updated) <= to)
        .sort((a, b) => time(a.fields.updated) - time(b.fields.updated));
      const offset = Number(query.get('nextPageToken') ?? 0);
      const page = matching.slice(offset, offset + maxResults);
      const expand = (query.get('expand') ?? '').split(',').includes('changelog');
      return {
        issues: page.map(({ changelog, ...issue }) =>
          expand
            ? {
                ...issue,
                changelog: {
                  startAt: 0,
                  maxResults: this.changelogLimit,
                  total: changelog.histories.length,
                  histories: changelog.histories.slice(0, this.changelogLimit),
                },
              }
            : issue,
        ),
        isLast: offset + maxResults >= matching.length,
        ...(offset + maxResults < matching.length ? { nextPageToken: String(offset + maxResults) } : {}),
      };
    }
    const changelog = /^\/rest\/api\/3\/issue\/([^/]+)\/changelog$/.exec(url.pathname);
    if (changelog) {
      const issue = this.issues.find((candidate) => [candidate.id, candidate.key].includes(changelog[1]));
      return issue ? agilePage(issue.changelog.histories) : undefined;
    }
    if (url.pathname === '/rest/agile/1.0/board') {
      const type = query.get('type');
      return agilePage(this.boards.filter((board) => !type || board.type === type));
    }
    const sprints = /^\/rest\/agile\/1\.0\/board\/(\d+)\/sprint$/.exec(url.pathname);
    if (sprints) return agilePage(this.sprints.get(Number(sprints[1])) ?? []);
    return undefined;
  }
}
