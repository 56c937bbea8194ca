import type { ServerResponse } from 'node:http';
import { HttpFake, sendJson, type RecordedRequest } from './http-fake.ts';
import { TokenBucket, TokenBuckets } from './token-bucket.ts';

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
}

/** A file shared with files.completeUploadExternal, with the bytes sent to its upload URL. */
export interface SlackUpload {
  fileId: string;
  filename: string;
  /** The length files.getUploadURLExternal was told. */
  length: number;
  altText?: string;
  title?: string;
  bytes: Buffer;
  channel?: string;
  threadTs?: string;
  initialComment?: string;
}

/** A message chat.postMessage accepted. */
export interface SlackPost {
  channel: string;
  ts: string;
  threadTs?: string;
  text?: string;
  /** The message's `metadata` (`{ event_type, event_payload }`), as chat.postMessage was given it. */
  metadata?: { event_type: string; event_payload?: Record<string, unknown> };
}

export interface FakeSlackOptions {
  /**
   * Slack's posting limits, enforced on chat.postMessage with 429 `ratelimited` + Retry-After (whole seconds):
   * `perChannel` messages a second in each channel (default 1) and a workspace-wide bucket of
   * `workspacePerSecond` (default 50, holding a second's worth).
   */
  postLimits?: { perChannel?: number; workspacePerSecond?: number };
}

/**
 * Slack's Web API (`/api/<method>`) and slash-command response URLs (`/response/<id>`), answering with
 * Slack's own response shapes. `rateLimitNext` makes the next call to a method answer 429 + Retry-After,
 * `failNext` an HTTP error; `postLimits` enforces Slack's posting rate limits.
 */
export class FakeSlack {
  readonly team = { id: 'T0EMAGENT', domain: 'em-agent-test', name: 'em-agent test' };
  readonly bot = { userId: 'U0BOT', botId: 'B0BOT' };
  readonly http: HttpFake;
  /** The WebSocket URL `apps.connections.open` hands out (set it to a FakeSocketMode's url). */
  socketModeUrl = '';
  /** Members of each user group (`S…` → user ids), as usergroups.users.list answers. */
  readonly usergroups = new Map<string, string[]>();
  /** The user groups usergroups.list answers (id, handle, name). */
  readonly usergroupList: { id: string; handle: string; name: string }[] = [];
  /**
   * The workspace's members, as users.list and users.info answer them (two per page, to exercise the cursor);
   * give one `locale` and `profile.status_emoji`/`status_text`/`status_expiration` to describe their status.
   */
  readonly members: Record<string, unknown>[] = [];
  /** What users.info answers instead of a member, e.g. `missing_scope` for an app without users:read. */
  usersInfoError?: string;
  /** Conversations the bot is not in: posting there answers not_in_channel, as Slack does. */
  readonly channelsWithoutBot = new Set<string>();
  /** Channels conversations.info describes (others: channel_not_found), e.g. a small private report channel. */
  readonly channelInfo = new Map<string, { name: string; is_private: boolean; num_members: number }>();
  /** Conversations that do not exist (deleted, a typo): posting there answers channel_not_found. */
  readonly missingChannels = new Set<string>();
  /** Bot scopes the app lacks: a method needing one answers missing_scope, as Slack does (files:write). */
  readonly missingScopes = new Set<string>();
  /** Files by id: asked for (getUploadURLExternal), then their bytes (the upload URL), then shared (complete). */
  #files = new Map<string, Omit<SlackUpload, 'bytes'> & { bytes?: Buffer; shared: boolean }>();
  /** Messages posted with chat.postMessage (`channel:ts`); chat.update of anything else is message_not_found. */
  #posted = new Set<string>();
  #accepted: SlackPost[] = [];
  #rateLimited = new Map<string, number>();
  #failing = new Map<string, number | string>();
  #limits?: { channels: TokenBuckets; workspace: TokenBucket };
  #ts = 1_700_000_000;
  /** How many calls were answered 429 by `postLimits` (not counting `rateLimitNext`). */
  rateLimitedCount = 0;
  /**
   * How long chat.postMessage keeps its answer after accepting the message (it is in `posts()` at once): the
   * window in which a sender that dies has had its message delivered without learning so.
   */
  postAnswerDelayMs = 0;

  constructor(options: FakeSlackOptions = {}) {
    if (options.postLimits) {
      const perChannel = options.postLimits.perChannel ?? 1;
      this.#limits = {
        channels: new TokenBuckets(perChannel),
        workspace: new TokenBucket(options.postLimits.workspacePerSecond ?? 50),
      };
    }
    this.http = new HttpFake(async (request, response) => {
      if (request.path.startsWith('/response/')) return sendJson(response, 200, { ok: true });
      if (request.path.startsWith('/upload/')) return this.#receiveUpload(request, response);
      const method = request.path.replace(/^\/api\//, '').split('?')[0] ?? '';
      const failure = this.#failing.get(method);
      if (failure !== undefined) {
        this.#failing.delete(method);
        return typeof failure === 'number'
          ? sendJson(response, failure, { ok: false, error: 'fake_failure' })
          : sendJson(response, 200, { ok: false, error: failure });
      }
      const limitedFor = method === 'chat.postMessage' ? this.#postLimitHit(parseArgs(request)) : undefined;
      if (limitedFor !== undefined) {
        this.rateLimitedCount += 1;
        return sendJson(
          response,
          429,
          { ok: false, error: 'ratelimited' },
          { 'retry-after': String(limitedFor) },
        );
      }
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
      const answer = this.#answer(method, parseArgs(request));
      if (method === 'chat.postMessage' && answer.ok && this.postAnswerDelayMs > 0) {
        return new Promise<void>((resolve) => {
          setTimeout(() => {
            // The sender may be gone by now (killed): its socket with it.
            if (!response.destroyed) sendJson(response, 200, answer);
            resolve();
          }, this.postAnswerDelayMs);
        });
      }
      return sendJson(response, 200, answer);
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

  /**
   * The next call to `method` fails once: a number is an HTTP status (a gateway error, say) instead of Slack's
   * JSON; a string is Slack's own `{ ok: false, error }` (views.open with `expired_trigger_id`).
   */
  failNext(method: string, failure: number | string): void {
    this.#failing.set(method, failure);
  }

  /** Files shared by files.completeUploadExternal, in the order they were shared. */
  uploads(): SlackUpload[] {
    return [...this.#files.values()]
      .filter((file) => file.shared && file.bytes)
      .map(({ shared: _shared, ...file }) => ({ ...file, bytes: file.bytes! }));
  }

  /**
   * The upload URL getUploadURLExternal handed out: the file's bytes, raw or as a multipart form (the SDK sends
   * one field); Slack answers 200 with plain text. An unknown file id is a 404.
   */
  async #receiveUpload(request: RecordedRequest, response: ServerResponse): Promise<void> {
    const file = this.#files.get(request.path.replace(/^\/upload\/v1\//, ''));
    if (!file || request.method !== 'POST') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    const type = request.headers['content-type'] ?? '';
    let bytes = request.raw;
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(new Uint8Array(request.raw), {
        headers: { 'content-type': type },
      }).formData();
      const part = [...form.values()].find((value) => typeof value !== 'string');
      bytes = part ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
    }
    file.bytes = bytes;
    response.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
  }

  /** Every message chat.postMessage accepted, oldest first (refused calls are only in `calls`). */
  posts(): SlackPost[] {
    return [...this.#accepted];
  }

  /** Accepted posts per channel (`D…` for a direct message), to check that none is lost or doubled. */
  postCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const post of this.#accepted) counts.set(post.channel, (counts.get(post.channel) ?? 0) + 1);
    return counts;
  }

  /** Seconds to wait when this post would exceed a limit; takes its tokens when it would not. */
  #postLimitHit(args: Record<string, unknown>): number | undefined {
    if (!this.#limits) return undefined;
    const channel = this.#limits.channels.of(dmChannelOf(String(args.channel)));
    const { workspace } = this.#limits;
    if (!channel.hasToken()) return channel.retryAfterSeconds();
    if (!workspace.hasToken()) return workspace.retryAfterSeconds();
    channel.take();
    workspace.take();
    return undefined;
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
    if (method.startsWith('chat.post') && this.channelsWithoutBot.has(String(args.channel))) {
      return { ok: false, error: 'not_in_channel' };
    }
    if (method.startsWith('chat.') && this.missingChannels.has(String(args.channel))) {
      return { ok: false, error: 'channel_not_found' };
    }
    if (method.startsWith('files.') && this.missingScopes.has('files:write')) {
      return { ok: false, error: 'missing_scope', needed: 'files:write', provided: 'chat:write,commands' };
    }
    switch (method) {
      case 'files.getUploadURLExternal': {
        const length = Number(args.length);
        if (!args.filename || !Number.isInteger(length) || length <= 0) {
          return { ok: false, error: 'invalid_arguments' };
        }
        const fileId = `F${(this.#ts += 1)}`;
        this.#files.set(fileId, {
          fileId,
          filename: String(args.filename),
          length,
          ...(args.alt_text ? { altText: String(args.alt_text) } : {}),
          shared: false,
        });
        return { ok: true, upload_url: `${this.http.url}/upload/v1/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files = jsonArg(args.files) as { id: string; title?: string }[] | undefined;
        if (!Array.isArray(files) || files.length === 0) return { ok: false, error: 'invalid_arguments' };
        const known = files.map((entry) => this.#files.get(entry.id));
        // A file whose bytes never reached its upload URL (or of the wrong length) cannot be completed.
        if (known.some((file) => !file?.bytes || file.bytes.length !== file.length)) {
          return { ok: false, error: 'file_not_found' };
        }
        if (args.channel_id && this.channelsWithoutBot.has(String(args.channel_id))) {
          return { ok: false, error: 'not_in_channel' };
        }
        files.forEach((entry, index) => {
          Object.assign(known[index]!, {
            shared: true,
            ...(entry.title ? { title: entry.title } : {}),
            ...(args.channel_id ? { channel: String(args.channel_id) } : {}),
            ...(args.thread_ts ? { threadTs: String(args.thread_ts) } : {}),
            ...(args.initial_comment ? { initialComment: String(args.initial_comment) } : {}),
          });
        });
        return {
          ok: true,
          files: files.map((entry) => ({
            id: entry.id,
            title: entry.title ?? this.#files.get(entry.id)!.filename,
          })),
        };
      }
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
      case 'chat.postMessage': {
        const channel = dmChannelOf(String(args.channel));
        const ts = `${(this.#ts += 1)}.000100`;
        this.#posted.add(`${channel}:${ts}`);
        this.#accepted.push({
          channel,
          ts,
          ...(args.thread_ts ? { threadTs: String(args.thread_ts) } : {}),
          ...(args.text ? { text: String(args.text) } : {}),
          ...(args.metadata ? { metadata: jsonArg(args.metadata) as SlackPost['metadata'] } : {}),
        });
        return { ok: true, channel, ts, message: { text: args.text, ts } };
      }
      case 'conversations.open': {
        // The app's direct message with one person (`users`); a group DM is not what the bot opens.
        const users = String(args.users ?? '')
          .split(',')
          .filter(Boolean);
        if (users.length !== 1)
          return { ok: false, error: users.length ? 'not_implemented' : 'users_list_not_supplied' };
        const id = dmChannelOf(users[0]!);
        return { ok: true, channel: { id, is_im: true, user: users[0] } };
      }
      case 'conversations.history': {
        // Newest first, `limit` of them (Slack's default 100); metadata only with include_all_metadata.
        const channel = String(args.channel);
        const limit = Number(args.limit ?? 100);
        const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
        const messages = this.#accepted
          .filter((post) => post.channel === channel && !post.threadTs)
          .reverse()
          .slice(0, limit)
          .map((post) => ({
            type: 'message',
            user: this.bot.userId,
            bot_id: this.bot.botId,
            text: post.text ?? '',
            ts: post.ts,
            ...(withMetadata && post.metadata ? { metadata: post.metadata } : {}),
          }));
        const more =
          this.#accepted.filter((post) => post.channel === channel && !post.threadTs).length > limit;
        return {
          ok: true,
          messages,
          has_more: more,
          pin_count: 0,
          response_metadata: { next_cursor: more ? 'bmV4dA==' : '' },
        };
      }
      case 'chat.update':
        return this.#posted.has(`${String(args.channel)}:${String(args.ts)}`)
          ? { ok: true, channel: args.channel, ts: args.ts, text: args.text, message: { text: args.text } }
          : { ok: false, error: 'message_not_found' };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${(this.#ts += 1)}.000200` };
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: `V${(this.#ts += 1)}`, team_id: this.team.id, ...viewOf(args) } };
      case 'views.update':
        return { ok: true, view: { id: args.view_id, team_id: this.team.id, ...viewOf(args) } };
      case 'usergroups.list':
        return { ok: true, usergroups: this.usergroupList };
      case 'usergroups.users.list': {
        const users = this.usergroups.get(String(args.usergroup));
        return users ? { ok: true, users } : { ok: false, error: 'no_such_subteam' };
      }
      case 'users.list': {
        const start = Number(args.cursor || 0);
        const next = start + 2 < this.members.length ? String(start + 2) : '';
        return {
          ok: true,
          members: this.members.slice(start, start + 2),
          response_metadata: { next_cursor: next },
        };
      }
      case 'conversations.info': {
        const info = this.channelInfo.get(String(args.channel));
        if (!info) return { ok: false, error: 'channel_not_found' };
        const numMembers = args.include_num_members === true || args.include_num_members === 'true';
        return {
          ok: true,
          channel: {
            id: args.channel,
            name: info.name,
            is_channel: !info.is_private,
            is_private: info.is_private,
            ...(numMembers ? { num_members: info.num_members } : {}),
          },
        };
      }
      case 'users.info': {
        if (this.usersInfoError) return { ok: false, error: this.usersInfoError };
        const user = this.members.find((member) => member.id === args.user);
        return user ? { ok: true, user } : { ok: false, error: 'user_not_found' };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

/** Posting to a user id posts in the app's direct message with them, a D… conversation. */
const dmChannelOf = (channel: string) => channel.replace(/^[UW]/, 'D');

/** An object argument: a JSON string in a form body, an object in a JSON body. */
function jsonArg(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** The view argument of views.open/publish: a JSON string in a form body, an object in a JSON body. */
function viewOf(args: Record<string, unknown>): Record<string, unknown> {
  return typeof args.view === 'string' ? JSON.parse(args.view) : (args.view as Record<string, unknown>);
}

function parseArgs(request: RecordedRequest): Record<string, unknown> {
  if (!request.body) return {};
  if (request.headers['content-type']?.includes('application/json')) return JSON.parse(request.body);
  return Object.fromEntries(new URLSearchParams(request.body));
}
