import { HttpFake, sendJson } from './http-fake.ts';

export interface FakePage {
  id: string;
  title: string;
  version: number;
  storage: string;
}

/**
 * Confluence Cloud REST API v2, the calls a space crawl makes: `GET /wiki/api/v2/spaces?keys=` and
 * `GET /wiki/api/v2/spaces/{id}/pages?body-format=storage`, one page of results at a time with `_links.next`.
 * Requests without the expected basic credentials get 401.
 */
export class FakeConfluence {
  readonly http: HttpFake;
  pages: FakePage[] = [];
  readonly pageSize = 2;
  /** Answer 503 to everything, as during an outage. */
  down = false;

  constructor(email: string, token: string) {
    const expected = `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;
    this.http = new HttpFake((request, response) => {
      if (this.down) return sendJson(response, 503, { message: 'Service Unavailable' });
      if (request.headers.authorization !== expected)
        return sendJson(response, 401, { message: 'Unauthorized' });
      const url = new URL(request.path, 'http://fake');
      if (url.pathname === '/wiki/api/v2/spaces') {
        const keys = url.searchParams.get('keys');
        return sendJson(response, 200, {
          results: keys === 'ENG' ? [{ id: '98304', key: 'ENG', name: 'Engineering' }] : [],
          _links: {},
        });
      }
      if (url.pathname === '/wiki/api/v2/spaces/98304/pages') {
        const start = Number(url.searchParams.get('cursor') ?? 0);
        const slice = this.pages.slice(start, start + this.pageSize);
        const next = start + this.pageSize < this.pages.length ? start + this.pageSize : undefined;
        return sendJson(response, 200, {
          results: slice.map((page) => ({
            id: page.id,
            status: 'current',
            title: page.title,
            spaceId: '98304',
            version: {
              number: page.version,
              createdAt: '2026-11-01T09:00:00.000Z',
              authorId: '5b10ac8d82e05b22cc7d4ef5',
            },
            body: { storage: { value: page.storage, representation: 'storage' } },
            _links: { webui: `/spaces/ENG/pages/${page.id}/${encodeURIComponent(page.title)}` },
          })),
          _links:
            next === undefined
              ? {}
              : { next: `/wiki/api/v2/spaces/98304/pages?limit=100&body-format=storage&cursor=${next}` },
        });
      }
      return sendJson(response, 404, { message: 'Not Found' });
    });
  }
}
