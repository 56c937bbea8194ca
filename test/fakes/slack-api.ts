import { HttpFake, sendJson, type RecordedRequest } from './http-fake.ts';

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
}

/**
 * Slack's Web API (`/api/<method>`) and slash-command response URLs (`/response/<id>`), answering with
 * Slack's own response shapes. `rateLimitNext` makes the next call to a method answer 429 + Retry-After.
 */
export class FakeSlack {
  readonly team = { id: 'T0EMAGENT', domain: 'em-agent-test', name: 'em-agent test' };
  readonly bot = { userId: 'U0BOT', botId: 'B0BOT' };
  readonly http: HttpFake;
  /** The WebSocket URL `apps.connections.open` hands out (set it to a FakeSocketMode's url). */
  socketModeUrl = '';
  #rateLimited = new Map<string, number>();
  #ts = 1_700_000_000;

  constructor() {
    this.http = new HttpFake((request, response) => {
      if (request.path.startsWith('/response/')) return sendJson(response, 200, { ok: true });
      const method = request.path.replace(/^\/api\//, '').split('?')[0] ?? '';
      const retryAfter = this.#rateLimited.get(method);
      if (retryAfter !== undefined) {
        this.#rateLimited.delete(method);
        return sendJson(
          response,
          429,
          { ok: false, error: 'ratelimited' },
          { 'retry-after': String(retryAfter) },
        );
      }
      return sendJson(response, 200, this.#answer(method, parseArgs(request)));
    });
  }

  get apiUrl(): string {
    return `${this.http.url}/api/`;
  }

  /** A response_url as Slack puts in a slash command payload, pointing at this fake. */
  responseUrl(id: string): string {
    return `${this.http.url}/response/${id}`;
  }

  rateLimitNext(method: string, retryAfterSeconds: number): void {
    this.#rateLimited.set(method, retryAfterSeconds);
  }

  calls(method?: string): SlackCall[] {
    return this.http.requests
      .filter((request) => request.path.startsWith('/api/'))
      .map((request) => ({
        method: request.path.replace(/^\/api\//, '').split('?')[0] ?? '',
        args: parseArgs(request),
        token: request.headers.authorization?.replace(/^Bearer /, ''),
      }))
      .filter((call) => !method || call.method === method);
  }

  /** Bodies posted to a response URL, parsed (what the person saw in reply to a slash command). */
  responses(id?: string): Record<string, unknown>[] {
    return this.http.requests
      .filter((request) => request.path.startsWith(id ? `/response/${id}` : '/response/'))
      .map((request) => JSON.parse(request.body) as Record<string, unknown>);
  }

  async waitForResponse(id: string, timeoutMs = 5_000): Promise<Record<string, unknown>> {
    const request = await this.http.waitFor((candidate) => candidate.path === `/response/${id}`, timeoutMs);
    return JSON.parse(request.body) as Record<string, unknown>;
  }

  #answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: `https://${this.team.domain}.slack.com/`,
          team: this.team.name,
          user: 'em-agent',
          team_id: this.team.id,
          user_id: this.bot.userId,
          bot_id: this.bot.botId,
          is_enterprise_install: false,
        };
      case 'apps.connections.open':
        return this.socketModeUrl
          ? { ok: true, url: this.socketModeUrl }
          : { ok: false, error: 'invalid_auth' };
      case 'chat.postMessage':
        return {
          ok: true,
          channel: args.channel,
          ts: `${(this.#ts += 1)}.000100`,
          message: { text: args.text },
        };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${(this.#ts += 1)}.000200` };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

function parseArgs(request: RecordedRequest): Record<string, unknown> {
  if (!request.body) return {};
  if (request.headers['content-type']?.includes('application/json')) return JSON.parse(request.body);
  return Object.fromEntries(new URLSearchParams(request.body));
}
