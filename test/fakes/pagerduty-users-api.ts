import { HttpFake, sendJson } from './http-fake.ts';

/** PagerDuty's REST `GET /users` with classic offset pagination (`limit`, `offset`, `more`), token-checked. */
export class FakePagerDutyUsers {
  readonly http: HttpFake;
  readonly users: Record<string, unknown>[] = [];

  constructor(token: string) {
    this.http = new HttpFake((request, response) => {
      const url = new URL(request.path, 'http://fake');
      if (request.headers.authorization !== `Token token=${token}`) {
        return sendJson(response, 401, { error: { message: 'Unauthorized', code: 2006 } });
      }
      if (request.method !== 'GET' || url.pathname !== '/users') {
        return sendJson(response, 404, { error: { message: 'Not Found', code: 2100 } });
      }
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 25), 2); // small pages, to follow `more`
      const offset = Number(url.searchParams.get('offset') ?? 0);
      return sendJson(response, 200, {
        users: this.users.slice(offset, offset + limit),
        limit,
        offset,
        total: null,
        more: offset + limit < this.users.length,
      });
    });
  }
}
