import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** The body's bytes as sent (a file upload is binary). */
  raw: Buffer;
  at: number;
}

export type FakeRoute = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

/** A real HTTP server on a free loopback port that records every request before a route answers it. */
export class HttpFake {
  readonly requests: RecordedRequest[] = [];
  #server: Server;
  #route: FakeRoute;
  #waiters: {
    predicate: (request: RecordedRequest) => boolean;
    resolve: (request: RecordedRequest) => void;
  }[] = [];
  url = '';

  constructor(route: FakeRoute) {
    this.#route = route;
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        const recorded: RecordedRequest = {
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers: req.headers,
          body: raw.toString('utf8'),
          raw,
          at: Date.now(),
        };
        this.requests.push(recorded);
        Promise.resolve(this.#route(recorded, res))
          .catch((error: unknown) => {
            res.writeHead(500).end(String(error));
          })
          .finally(() => {
            for (const waiter of this.#waiters.filter((candidate) => candidate.predicate(recorded))) {
              this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
              waiter.resolve(recorded);
            }
          });
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    const address = this.#server.address();
    if (typeof address !== 'object' || !address) throw new Error('fake did not bind');
    this.url = `http://127.0.0.1:${address.port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** Resolves with the first request (already seen or still to come) that matches, or rejects after `timeoutMs`. */
  waitFor(predicate: (request: RecordedRequest) => boolean, timeoutMs = 5_000): Promise<RecordedRequest> {
    const seen = this.requests.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching request within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.#waiters.push({
        predicate,
        resolve: (request) => {
          clearTimeout(timer);
          resolve(request);
        },
      });
    });
  }
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}
