import { HttpFake, sendJson, type RecordedRequest } from './http-fake.ts';
import { takeFault, type Fault } from './paged-json.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- PagerDuty JSON

/**
 * The PagerDuty REST API v2 endpoints the backfill reads, in PagerDuty's wire format: `Token token=` auth, the
 * versioned Accept header, classic offset pagination (`limit`, `offset`, `more`, `total`), incidents filtered
 * by creation time, log entries and services; injectable faults (a 429 with ratelimit-reset, a 502).
 */
export class FakePagerDuty {
  readonly http: HttpFake;
  readonly incidents: Json[] = [];
  readonly logEntries = new Map<string, Json[]>();
  readonly services: Json[] = [];
  readonly faults: Fault[] = [];
  readonly token = 'pd-api-token';

  constructor() {
    this.http = new HttpFake((request, response) => {
      const fault = takeFault(this.faults, request);
      if (fault) {
        sendJson(
          response,
          fault.status,
          fault.body ?? { error: { message: 'Rate Limit Exceeded', code: 2020 } },
          fault.headers,
        );
        return;
      }
      if (request.headers.authorization !== `Token token=${this.token}`) {
        sendJson(response, 401, { error: { message: 'Authentication failed', code: 2006 } });
        return;
      }
      if (request.headers.accept !== 'application/vnd.pagerduty+json;version=2') {
        sendJson(response, 400, { error: { message: 'Unsupported API version', code: 2001 } });
        return;
      }
      const body = this.#route(request);
      if (body === undefined) sendJson(response, 404, { error: { message: 'Not Found', code: 2100 } });
      else sendJson(response, 200, body);
    });
  }

  get url(): string {
    return this.http.url;
  }

  #route(request: RecordedRequest): unknown {
    const url = new URL(request.path, this.url);
    const query = url.searchParams;
    const limit = Number(query.get('limit') ?? 25);
    const offset = Number(query.get('offset') ?? 0);
    const page = (key: string, all: Json[]) => ({
      [key]: all.slice(offset, offset + limit),
      limit,
      offset,
      more: offset + limit < all.length,
      total: null,
    });
    if (url.pathname === '/services') return page('services', this.services);
    if (url.pathname === '/incidents') {
      const since = Date.parse(query.get('since') ?? '1970-01-01T00:00:00Z');
      const until = Date.parse(query.get('until') ?? new Date().toISOString());
      const created = (incident: Json) => Date.parse(incident.created_at);
      return page(
        'incidents',
        this.incidents
          .filter((incident) => created(incident) >= since && created(incident) < until)
          .sort((a, b) => created(a) - created(b)),
      );
    }
    const log = /^\/incidents\/([^/]+)\/log_entries$/.exec(url.pathname);
    if (log) return page('log_entries', this.logEntries.get(log[1]!) ?? []);
    return undefined;
  }
}
