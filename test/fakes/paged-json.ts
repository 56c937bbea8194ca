import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { RecordedRequest } from './http-fake.ts';

/** A fault a fake answers with instead of the real response, for the requests it matches, `times` times. */
export interface Fault {
  match: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  times: number;
}

/** The first fault that matches the request's path (and query), used up once. */
export function takeFault(faults: Fault[], request: RecordedRequest): Fault | undefined {
  const fault = faults.find((candidate) => candidate.times > 0 && candidate.match.test(request.path));
  if (fault) fault.times -= 1;
  return fault;
}

/**
 * Sends JSON with a strong ETag over the body, and 304 with no body when If-None-Match names it, as GitHub does
 * for conditional requests.
 */
export function sendWithEtag(
  request: RecordedRequest,
  response: ServerResponse,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha1').update(text).digest('hex')}"`;
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, { etag, ...headers }).end();
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag, ...headers });
  response.end(text);
}

/** One page of `items` per `per_page`/`page`, and GitHub's Link header (next, last, first, prev). */
export function pageOf<T>(baseUrl: string, request: RecordedRequest, items: T[]) {
  const url = new URL(request.path, baseUrl);
  const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
  const page = Number(url.searchParams.get('page') ?? 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const at = (n: number) => {
    const target = new URL(url);
    target.searchParams.set('page', String(n));
    return `<${target}>`;
  };
  const links = [
    ...(page < last ? [`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`] : []),
    ...(page > 1 ? [`${at(1)}; rel="first"`, `${at(page - 1)}; rel="prev"`] : []),
  ];
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : ({} as Record<string, string>),
  };
}
