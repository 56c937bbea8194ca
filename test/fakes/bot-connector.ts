import { BotFrameworkKeys } from './bot-framework-keys.ts';
import { HttpFake, sendJson } from './http-fake.ts';

export interface ConnectorPost {
  conversationId: string;
  /** The activity the bot replied to, when it used the reply route. */
  replyToId?: string;
  activity: Record<string, unknown> & {
    attachments?: { contentType: string; content: Record<string, unknown> }[];
  };
  authorization?: string;
}

/**
 * The Bot Framework connector a Teams activity's `serviceUrl` points at: it receives the bot's replies
 * (`POST /v3/conversations/{id}/activities[/{replyToId}]`) and answers like the real service.
 */
export class FakeBotConnector {
  readonly http: HttpFake;
  /** Signs the activities this connector sends; its metadata URL goes in MICROSOFT_BOT_OPENID_METADATA. */
  readonly keys = new BotFrameworkKeys();
  #next = 0;

  constructor() {
    this.http = new HttpFake((request, response) => {
      if (this.keys.route(request, response)) return;
      if (request.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities/.test(request.path)) {
        this.#next += 1;
        return sendJson(response, 200, { id: `reply-${this.#next}` });
      }
      return sendJson(response, 404, { error: { code: 'NotFound', message: request.path } });
    });
  }

  get serviceUrl(): string {
    return `${this.http.url}/`;
  }

  get openIdMetadataUrl(): string {
    return this.keys.metadataUrl(this.http.url);
  }

  posts(): ConnectorPost[] {
    return this.http.requests
      .filter((request) => request.method === 'POST' && request.path.startsWith('/v3/conversations/'))
      .map((request) => {
        const [, , , conversationId = '', , replyToId] = request.path.split('/');
        return {
          conversationId: decodeURIComponent(conversationId),
          replyToId: replyToId ? decodeURIComponent(replyToId) : undefined,
          activity: JSON.parse(request.body),
          authorization: request.headers.authorization,
        };
      });
  }

  async waitForPost(conversationId: string, timeoutMs = 5_000): Promise<ConnectorPost> {
    await this.http.waitFor(
      (request) =>
        request.path.startsWith(`/v3/conversations/${encodeURIComponent(conversationId)}/activities`),
      timeoutMs,
    );
    return this.posts().find((post) => post.conversationId === conversationId)!;
  }
}
