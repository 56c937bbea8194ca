import { BotFrameworkKeys } from './bot-framework-keys.ts';
import { HttpFake, sendJson, type RecordedRequest } from './http-fake.ts';
import { TokenBuckets } from './token-bucket.ts';

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

export interface FakeBotConnectorOptions {
  /**
   * Teams' limit on an app's requests in each tenant (the `tenantId` of the activity's conversation), enforced
   * on sends and edits with 429 + Retry-After (whole seconds); a bucket holding a second's worth.
   */
  perTenantPerSecond?: number;
}

/** A one-shot failure `failNext` arms for a route. */
interface InjectedFailure {
  method: 'POST' | 'PUT';
  conversationId: string;
  status: number;
  retryAfterSeconds?: number;
}

/**
 * The Bot Framework connector a Teams activity's `serviceUrl` points at. It answers like the real service:
 * sends (`POST /v3/conversations/{id}/activities[/{replyToId}]`), edits
 * (`PUT /v3/conversations/{id}/activities/{activityId}`) and roster look-ups
 * (`GET /v3/conversations/{id}/members/{userId}` and `…/pagedmembers`, from members added with `addMember`).
 * `failNext` makes the next request on a route fail once; `perTenantPerSecond` enforces Teams' rate limit.
 * `posts` and `updates` list what it accepted.
 */
export class FakeBotConnector {
  readonly http: HttpFake;
  /** Signs the activities this connector sends; its metadata URL goes in MICROSOFT_BOT_OPENID_METADATA. */
  readonly keys = new BotFrameworkKeys();
  #next = 0;
  #members = new Map<string, TeamsMember[]>();
  #accepted: RecordedRequest[] = [];
  #failures: InjectedFailure[] = [];
  #tenants?: TokenBuckets;
  /** How many requests were answered 429 by `perTenantPerSecond`. */
  rateLimitedCount = 0;

  constructor(options: FakeBotConnectorOptions = {}) {
    if (options.perTenantPerSecond) this.#tenants = new TokenBuckets(options.perTenantPerSecond);
    this.http = new HttpFake((request, response) => {
      if (this.keys.route(request, response)) return;
      const send = request.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities/.test(request.path);
      const update = /^\/v3\/conversations\/([^/]+)\/activities\/([^/?]+)$/.exec(request.path);
      if (send || (request.method === 'PUT' && update)) {
        const failure = this.#failureFor(request);
        if (failure) {
          return sendJson(
            response,
            failure.status,
            { error: { code: 'InjectedFailure', message: `injected ${failure.status}` } },
            failure.retryAfterSeconds === undefined
              ? {}
              : { 'retry-after': String(failure.retryAfterSeconds) },
          );
        }
        const bucket = this.#tenants?.of(tenantOf(request));
        if (bucket && !bucket.hasToken()) {
          this.rateLimitedCount += 1;
          return sendJson(
            response,
            429,
            { error: { code: 'TooManyRequests', message: 'Too many requests' } },
            { 'retry-after': String(bucket.retryAfterSeconds()) },
          );
        }
        bucket?.take();
        this.#accepted.push(request);
      }
      if (send) {
        this.#next += 1;
        return sendJson(response, 200, { id: `reply-${this.#next}` });
      }
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

  /**
   * The next `times` (default 1) sends (POST) or edits (PUT) in that conversation (a channel thread's id
   * included, `<id>;messageid=<root>`) fail with `status`, with a Retry-After header when given.
   */
  failNext(
    route: { method: 'POST' | 'PUT'; conversationId: string },
    status: number,
    options: { retryAfterSeconds?: number; times?: number } = {},
  ): void {
    for (let time = 0; time < (options.times ?? 1); time += 1)
      this.#failures.push({ ...route, status, retryAfterSeconds: options.retryAfterSeconds });
  }

  #failureFor(request: RecordedRequest): InjectedFailure | undefined {
    const conversationId = decodeURIComponent(request.path.split('/')[3] ?? '');
    const index = this.#failures.findIndex(
      (failure) => failure.method === request.method && failure.conversationId === conversationId,
    );
    return index === -1 ? undefined : this.#failures.splice(index, 1)[0];
  }

  /** Every message edit the connector accepted, oldest first. */
  updates(): ConnectorUpdate[] {
    return this.#accepted
      .filter((request) => request.method === 'PUT')
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

  /** Every message the connector accepted (refused attempts are only in `http.requests`), oldest first. */
  posts(): ConnectorPost[] {
    return this.#accepted
      .filter((request) => request.method === 'POST')
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

/** The tenant a send or edit is for, as Teams reads it from the activity's conversation. */
function tenantOf(request: RecordedRequest): string {
  const activity = JSON.parse(request.body || '{}') as {
    conversation?: { tenantId?: string };
    channelData?: { tenant?: { id?: string } };
  };
  return activity.conversation?.tenantId ?? activity.channelData?.tenant?.id ?? 'unknown';
}
