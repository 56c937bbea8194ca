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

/** A member as Teams' roster API returns it (`TeamsChannelAccount`). */
export interface TeamsMember {
  id: string;
  name: string;
  aadObjectId: string;
  /** `owner`, `user` or `guest`. */
  userRole: string;
  /** The directory's email and sign-in name, as the roster API returns them. */
  email?: string;
  userPrincipalName?: string;
}

export interface ConnectorUpdate {
  conversationId: string;
  activityId: string;
  activity: ConnectorPost['activity'];
}

/**
 * The Bot Framework connector a Teams activity's `serviceUrl` points at. It answers like the real service:
 * sends (`POST /v3/conversations/{id}/activities[/{replyToId}]`), edits
 * (`PUT /v3/conversations/{id}/activities/{activityId}`) and roster look-ups
 * (`GET /v3/conversations/{id}/members/{userId}` and `…/pagedmembers`, from members added with `addMember`).
 */
export class FakeBotConnector {
  readonly http: HttpFake;
  /** Signs the activities this connector sends; its metadata URL goes in MICROSOFT_BOT_OPENID_METADATA. */
  readonly keys = new BotFrameworkKeys();
  #next = 0;
  #members = new Map<string, TeamsMember[]>();

  constructor() {
    this.http = new HttpFake((request, response) => {
      if (this.keys.route(request, response)) return;
      if (request.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities/.test(request.path)) {
        this.#next += 1;
        return sendJson(response, 200, { id: `reply-${this.#next}` });
      }
      const update = /^\/v3\/conversations\/([^/]+)\/activities\/([^/?]+)$/.exec(request.path);
      if (request.method === 'PUT' && update)
        return sendJson(response, 200, { id: decodeURIComponent(update[2]!) });
      const paged = /^\/v3\/conversations\/([^/]+)\/pagedmembers/.exec(request.path);
      if (request.method === 'GET' && paged) {
        return sendJson(response, 200, { members: this.#members.get(decodeURIComponent(paged[1]!)) ?? [] });
      }
      const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/?]+)$/.exec(request.path);
      if (request.method === 'GET' && member) {
        const [conversationId, userId] = [decodeURIComponent(member[1]!), decodeURIComponent(member[2]!)];
        const found = this.#members.get(conversationId)?.find((candidate) => candidate.id === userId);
        if (found) return sendJson(response, 200, { ...found, tenantId: 'fake-tenant' });
        return sendJson(response, 404, {
          error: {
            code: 'MemberNotFoundInConversation',
            message: 'The member was not found in the conversation.',
          },
        });
      }
      return sendJson(response, 404, { error: { code: 'NotFound', message: request.path } });
    });
  }

  /** Adds someone to a team's (or chat's) roster, as the roster API will report them. */
  addMember(conversationOrTeamId: string, member: TeamsMember): void {
    this.#members.set(conversationOrTeamId, [...(this.#members.get(conversationOrTeamId) ?? []), member]);
  }

  /** Every message edit the bot made, oldest first. */
  updates(): ConnectorUpdate[] {
    return this.http.requests
      .filter((request) => request.method === 'PUT' && request.path.startsWith('/v3/conversations/'))
      .map((request) => {
        const [, , , conversationId = '', , activityId = ''] = request.path.split('/');
        return {
          conversationId: decodeURIComponent(conversationId),
          activityId: decodeURIComponent(activityId),
          activity: JSON.parse(request.body),
        };
      });
  }

  /** Resolves once the bot has edited that message `count` times in all. */
  async waitForUpdates(activityId: string, count = 1, timeoutMs = 5_000): Promise<ConnectorUpdate[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const updates = this.updates().filter((update) => update.activityId === activityId);
      if (updates.length >= count) return updates;
      if (Date.now() > deadline) throw new Error(`${updates.length} of ${count} updates of ${activityId}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
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
