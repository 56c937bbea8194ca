/**
 * A standup's prompt fan-out at scale (issue 11): MEMBERS people (default 5,000) due at the same instant, prompted
 * by `runStandupTick` with the deps `createStandupFlow` builds in production (the store, the once-only delivery
 * log, drafts from the facts, blockers, the day's counters), through the real chat poster against
 * 1. Slack: FakeSlack enforcing chat.postMessage at 1/s per channel and a workspace bucket of RATE/s (default
 *    50, holding a second's worth), with 429 + Retry-After;
 * 2. Teams: the connector fake at RATE requests/s per tenant, each member's personal chat read from
 *    `teams_conversations` as in production.
 * Every member is linked in `people` to a GitHub login with a few PRs (merged, open), reviews and commits, so
 * each draft is real work read from the facts (inserted in bulk, in a child process: not timed, not in the RSS).
 * TICKS (default 1: Agenda's lock runs the minute tick in one process at a time) ticks run at once on the same
 * deps, as overlapping ticks would; the delivery claims keep each prompt to one.
 * The theoretical minimum is what a perfect sender needs to drain MEMBERS through the bucket: RATE at once, then
 * RATE a second, (MEMBERS - RATE) / RATE seconds. Lost: members with no accepted message; duplicated: more than
 * one. RSS and heap are sampled every 100 ms during the fan-out. Draft time is each prompt's wait between its
 * claim and its send (the drafting queries), and a sequential pass over DRAFT_SAMPLE members times one draft
 * alone. SURFACES=slack or SURFACES=teams runs one.
 *   npm run bench -- bench/standup-fanout.bench.ts      (MEMBERS, RATE, TICKS, DRAFT_SAMPLE, SURFACES)
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TeamsAdapter } from '@microsoft/teams-ai';
import mongoose from 'mongoose';
import pino from 'pino';
import { createChatPoster } from '../bot/chat-poster.ts';
import { readConfig } from '../bot/config.ts';
import { createStandupFlow } from '../bot/create-standup-flow.ts';
import { createPostingClient, createSlackPoster } from '../bot/slack/slack-poster.ts';
import { createTeamsPoster } from '../bot/teams/teams-poster.ts';
import { createCalendarSource } from '../data/availability/create-calendar-source.ts';
import { createPublicHolidays } from '../data/availability/public-holidays.ts';
import { defineModels, ensureIndexes, type Models } from '../data/models/index.ts';
import { createStandupStore } from '../data/standup/mongo-standup-store.ts';
import type { ApprovalServices } from '../handlers/approvals/types.ts';
import type { ChatPoster } from '../handlers/delivery/types.ts';
import { buildPromptView, buildPromptViews } from '../handlers/standup/build-prompt.ts';
import { runStandupTick } from '../handlers/standup/run-standup-tick.ts';
import { DEFAULT_CALENDAR, type StandupDeps } from '../handlers/standup/standup-deps.ts';
import {
  accountKey,
  type ChatAccount,
  type Standup,
  type StandupPromptView,
} from '../handlers/standup/types.ts';
import { FakeBotConnector } from '../test/fakes/bot-connector.ts';
import { FakeSlack } from '../test/fakes/slack-api.ts';
import { testServerUri } from '../test/support/database.ts';
import { benchHeader } from './support/backend.ts';

if (!process.env.STANDUP_BENCH_SEED) console.log(benchHeader());
// A full collection before the fan-out, so its peaks start from what is live.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const MEMBERS = Number(process.env.MEMBERS ?? 5_000);
const RATE = Number(process.env.RATE ?? 50);
const TICKS = Number(process.env.TICKS ?? 1);
/** As runStandupTick drafts them. */
const BATCH = Math.min(MEMBERS, 500);
const DRAFT_SAMPLE = Math.min(MEMBERS, Number(process.env.DRAFT_SAMPLE ?? 20));
const SURFACES = (process.env.SURFACES ?? 'slack,teams').split(',');
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const DATE = '2026-12-02'; // a Wednesday
const NOW = new Date(`${DATE}T09:30:00Z`);
const HOUR = 3_600_000;
const REPOS = ['acme/api', 'acme/web', 'acme/mobile', 'acme/infra', 'acme/billing'];
const TITLES = [
  'Fix retries on webhook redelivery',
  'Add backoff to the GitHub client',
  'Refund rounding in invoices',
  'Bump React Native to 0.76',
  'Cache tenant policies per request',
  'Paginate the audit export',
  'Drop the legacy OAuth callback',
  'Speed up the search index rebuild',
];
const log = pino({ level: 'silent' });
const theoreticalSeconds = Math.max(0, MEMBERS - RATE) / RATE;

const pad = (index: number) => String(index).padStart(5, '0');
const slackId = (index: number) => `U${pad(index)}`;
const aadId = (index: number) => `${pad(index).padStart(8, '0')}-0000-4000-8000-00000000be4c`;
const login = (index: number) => `dev-${pad(index)}`;
const chatOf = (index: number) => `a:personal-${pad(index)}`;
const at = (hoursBefore: number) => new Date(NOW.getTime() - hoursBefore * HOUR);

/** People (Slack, Teams and GitHub accounts of one person each) and their facts of the last days, in bulk. */
async function seed(models: Models) {
  const people = [];
  const prs = [];
  const reviews = [];
  const commits = [];
  for (let index = 0; index < MEMBERS; index += 1) {
    const personId = `person-${pad(index)}`;
    const name = `Member ${pad(index)}`;
    for (const [tool, handle] of [
      ['slack', slackId(index)],
      ['teams', aadId(index)],
      ['github', login(index)],
    ] as const) {
      people.push({
        _id: `${TENANT}|${tool}|${handle}`,
        tenantId: TENANT,
        tool,
        handle,
        personId,
        displayName: name,
      });
    }
    const repo = REPOS[index % REPOS.length]!;
    const number = 10_000 + index * 2;
    const title = (offset: number) => TITLES[(index + offset) % TITLES.length]!;
    // One merged yesterday, one opened yesterday and waiting for review.
    prs.push(
      {
        _id: `${TENANT}|${repo}|${number}`,
        tenantId: TENANT,
        repo,
        number,
        author: login(index),
        title: title(0),
        url: `https://github.com/${repo}/pull/${number}`,
        state: 'merged',
        openedAt: at(30),
        mergedAt: at(20),
        snapshotVersion: 1,
      },
      {
        _id: `${TENANT}|${repo}|${number + 1}`,
        tenantId: TENANT,
        repo,
        number: number + 1,
        author: login(index),
        title: title(1),
        url: `https://github.com/${repo}/pull/${number + 1}`,
        state: 'open',
        draft: false,
        openedAt: at(18),
        snapshotVersion: 1,
      },
    );
    // Reviews of the next two members' merged PRs (in the same repository cycle).
    for (const offset of [1, 2]) {
      const other = (index + offset) % MEMBERS;
      const otherRepo = REPOS[other % REPOS.length]!;
      const otherNumber = 10_000 + other * 2;
      reviews.push({
        _id: `${TENANT}|${otherRepo}|${index * 10 + offset}`,
        tenantId: TENANT,
        repo: otherRepo,
        reviewId: index * 10 + offset,
        prNumber: otherNumber,
        author: login(index),
        state: offset === 1 ? 'approved' : 'commented',
        submittedAt: at(22 + offset),
        url: `https://github.com/${otherRepo}/pull/${otherNumber}#pullrequestreview-${index * 10 + offset}`,
        snapshotVersion: 1,
      });
    }
    // Three commits in their repository, one of them the squash of their merged PR.
    for (let c = 0; c < 3; c += 1) {
      const sha = `${pad(index)}${c}`.padEnd(40, 'a');
      commits.push({
        _id: `${TENANT}|${repo}|${sha}`,
        tenantId: TENANT,
        repo,
        sha,
        title: c === 0 ? `${title(0)} (#${number})` : `${title(2 + c)}: step ${c}`,
        authorLogin: login(index),
        committedAt: at(26 - c),
        url: `https://github.com/${repo}/commit/${sha}`,
        snapshotVersion: 1,
      });
    }
  }
  const chunked = async (
    model: { insertMany(docs: unknown[], o: object): Promise<unknown> },
    docs: unknown[],
  ) => {
    for (let start = 0; start < docs.length; start += 1_000)
      await model.insertMany(docs.slice(start, start + 1_000), { ordered: false, lean: true });
  };
  await chunked(models.Person, people);
  await chunked(models.PullRequest, prs);
  await chunked(models.Review, reviews);
  await chunked(models.Commit, commits);
  return { people: people.length, facts: prs.length + reviews.length + commits.length };
}

async function seedTeamsConversations(models: Models, serviceUrl: string) {
  const docs = Array.from({ length: MEMBERS }, (_, index) => ({
    tenantId: TENANT,
    conversationId: chatOf(index),
    conversationType: 'personal',
    aadObjectId: aadId(index),
    teamsUserId: `29:${pad(index)}`,
    updatedAt: new Date(),
    reference: {
      serviceUrl,
      channelId: 'msteams',
      bot: { id: '28:em-agent' },
      user: { id: `29:${pad(index)}`, aadObjectId: aadId(index) },
      conversation: { id: chatOf(index), conversationType: 'personal', tenantId: TENANT },
    },
  }));
  for (let start = 0; start < docs.length; start += 1_000)
    await models.TeamsConversation.insertMany(docs.slice(start, start + 1_000), {
      ordered: false,
      lean: true,
    });
}

async function createStandup(models: Models, surface: 'slack' | 'teams'): Promise<Standup> {
  const store = createStandupStore(models.Standup, models.StandupAnswer);
  const account = (index: number): ChatAccount =>
    surface === 'slack' ? { tool: 'slack', handle: slackId(index) } : { tool: 'teams', handle: aadId(index) };
  return store.create(
    TENANT,
    {
      name: `Fan-out ${surface}`,
      surface,
      reportChannel: surface === 'slack' ? 'C0REPORT' : '19:report@thread.v2',
      owner: account(0),
      members: Array.from({ length: MEMBERS }, (_, index) => account(index)),
      memberSource: { kind: 'people' },
      questions: [
        { id: 'q1', text: 'What did you do since the last standup?', kind: 'text' },
        { id: 'q2', text: 'What will you do today?', kind: 'text' },
        { id: 'q3', text: 'Anything blocking you?', kind: 'text', blockers: true },
      ],
      days: [1, 2, 3, 4, 5],
      promptTime: '09:30',
      deadlineTime: '11:00',
      reminderMinutes: null,
    },
    NOW,
  );
}

const quantile = (sorted: number[], q: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const mb = (bytes: number) => (bytes / 1_048_576).toFixed(0);

/** Samples RSS and heap every 100 ms until stopped; returns the peaks. */
function sampleMemory() {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    rss = Math.max(rss, usage.rss);
    heap = Math.max(heap, usage.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 100);
  return () => {
    clearInterval(timer);
    sample();
    return { rss, heap };
  };
}

/**
 * Times the drafting in the fan-out: each call of the activity source (a batch's `draftsFor`, or a member's
 * `draftFor`), and each prompt's wait from its claim to the poster's send (drafting, then the poster's pace).
 */
function timeDrafts(deps: StandupDeps) {
  const claimedAt = new Map<string, number>();
  const claimToSendMs: number[] = [];
  const drafting = { calls: 0, members: 0, ms: 0 };
  const poster: ChatPoster = {
    ...deps.poster,
    sendDirect(tenantId, account, view) {
      const claimed = claimedAt.get(accountKey(account));
      if (claimed !== undefined) claimToSendMs.push(performance.now() - claimed);
      return deps.poster.sendDirect(tenantId, account, view);
    },
  };
  const timed = async <T>(members: number, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      drafting.calls += 1;
      drafting.members += members;
      drafting.ms += performance.now() - started;
    }
  };
  const activity = deps.activity!;
  const { draftsFor } = activity;
  return {
    claimToSendMs,
    drafting,
    deps: {
      ...deps,
      poster,
      activity: {
        ...activity,
        draftFor: (...args) => timed(1, () => activity.draftFor(...args)),
        ...(draftsFor
          ? {
              draftsFor: (tenantId: string, requests: Parameters<typeof draftsFor>[1], until: Date) =>
                timed(requests.length, () => draftsFor(tenantId, requests, until)),
            }
          : {}),
      },
      deliveries: {
        ...deps.deliveries,
        async claim(tenantId, key, now) {
          const claim = await deps.deliveries.claim(tenantId, key, now);
          if (claim) claimedAt.set(key.split('|').slice(3).join('|'), performance.now());
          return claim;
        },
      },
    } satisfies StandupDeps,
  };
}

/** One draft at a time over the first DRAFT_SAMPLE members: a draft's own cost, without the fan-out around it. */
async function sequentialDrafts(deps: StandupDeps, standup: Standup) {
  const started = performance.now();
  let lines = 0;
  const alone: StandupPromptView[] = [];
  for (const member of standup.members.slice(0, DRAFT_SAMPLE)) {
    const view = await buildPromptView(deps, standup, member, DEFAULT_CALENDAR, DATE, NOW);
    lines += view.draft.done.length + view.draft.today.length;
    alone.push(view);
  }
  const ms = (performance.now() - started) / DRAFT_SAMPLE;
  const batchStarted = performance.now();
  const batch = standup.members.slice(0, BATCH);
  const views = await buildPromptViews(
    deps,
    standup,
    batch.map((member) => ({ member, calendar: DEFAULT_CALENDAR })),
    DATE,
    NOW,
  );
  const batchMs = performance.now() - batchStarted;
  const same = standup.members
    .slice(0, DRAFT_SAMPLE)
    .every((member, index) => JSON.stringify(views.get(accountKey(member))) === JSON.stringify(alone[index]));
  return { ms, lines: lines / DRAFT_SAMPLE, batchMs, same };
}

interface FanOut {
  seconds: number;
  prompted: number;
  refused: number;
  counts: number[];
  rateLimited: number;
  claimToSendMs: number[];
  drafting: { calls: number; members: number; ms: number };
  peak: { rss: number; heap: number };
  /** Heap in use after the fan-out and a full collection: what it kept. */
  live: number;
  draftAlone: Awaited<ReturnType<typeof sequentialDrafts>>;
}

async function fanOut(
  models: Models,
  surface: 'slack' | 'teams',
  poster: ChatPoster,
  counts: () => number[],
  rateLimited: () => number,
): Promise<FanOut> {
  const holidays = createPublicHolidays();
  const flow = createStandupFlow({
    config: readConfig({}),
    models,
    store: createStandupStore(models.Standup, models.StandupAnswer),
    calendars: createCalendarSource(models, holidays),
    poster,
    // Only the report's channel gate reads approvals, and no report is due at the prompt instant.
    approvals: {} as ApprovalServices,
    log,
    now: () => NOW,
  });
  const standup = await createStandup(models, surface);
  const draftAlone = await sequentialDrafts(flow.deps, standup);
  console.log(
    `${surface.padEnd(6)} one draft at a time (${DRAFT_SAMPLE} members): ${draftAlone.ms.toFixed(1)} ms each, ` +
      `${draftAlone.lines.toFixed(1)} lines; a batch of ${BATCH} together ${draftAlone.batchMs.toFixed(0)} ms ` +
      `(${(draftAlone.batchMs / BATCH).toFixed(1)} ms a member), the same views: ${draftAlone.same ? 'yes' : 'NO'}`,
  );
  const { deps, claimToSendMs, drafting } = timeDrafts(flow.deps);
  gc();
  const before = process.memoryUsage();
  console.log(
    `${surface.padEnd(6)} before the fan-out: RSS ${mb(before.rss)} MB, heap ${mb(before.heapUsed)} MB`,
  );
  const stop = sampleMemory();
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: TICKS }, () => runStandupTick(deps, standup, NOW)));
  const seconds = (performance.now() - started) / 1_000;
  const peak = stop();
  gc();
  const live = process.memoryUsage().heapUsed;
  return {
    seconds,
    prompted: results.reduce((sum, result) => sum + result.prompted, 0),
    refused: results.reduce((sum, result) => sum + result.refused, 0),
    counts: counts(),
    rateLimited: rateLimited(),
    claimToSendMs,
    drafting,
    peak,
    live,
    draftAlone,
  };
}

function report(name: string, run: FanOut) {
  const lost = run.counts.filter((count) => count === 0).length;
  const duplicated = run.counts.filter((count) => count > 1).length;
  const waits = [...run.claimToSendMs].sort((a, b) => a - b);
  const { drafting } = run;
  console.log(
    `${name.padEnd(6)} ${MEMBERS} prompts in ${run.seconds.toFixed(2)} s = ${(MEMBERS / run.seconds).toFixed(1)} prompts/s | ` +
      `theoretical minimum ${theoreticalSeconds.toFixed(2)} s, ratio ${(run.seconds / theoreticalSeconds).toFixed(3)} | ` +
      `lost ${lost}, duplicated ${duplicated}, prompted ${run.prompted}, refused ${run.refused}, 429s ${run.rateLimited} | ` +
      `peak RSS ${mb(run.peak.rss)} MB, heap ${mb(run.peak.heap)} MB (${mb(run.live)} MB live after)`,
  );
  console.log(
    `${''.padEnd(6)} drafting in the fan-out: ${drafting.calls} calls for ${drafting.members} members, ` +
      `${(drafting.ms / 1_000).toFixed(1)} s in all, ${(drafting.ms / Math.max(1, drafting.calls)).toFixed(0)} ms a call | ` +
      `claim to send (drafting, then the pace): p50 ${quantile(waits, 0.5).toFixed(0)} ms, p99 ${quantile(waits, 0.99).toFixed(0)} ms`,
  );
}

const connect = () =>
  mongoose
    .createConnection(testServerUri(), {
      dbName: 'bench_standup_fanout',
      // FerretDB opens a PostgreSQL connection per client connection, and PostgreSQL allows 100 in all.
      maxPoolSize: Number(process.env.POOL ?? 20),
    })
    .asPromise();

if (process.env.STANDUP_BENCH_SEED) {
  // The child that seeds: its garbage (35,000 facts built in memory) stays out of the measured process.
  const connection = await connect();
  await connection.dropDatabase();
  const models = defineModels(connection);
  await ensureIndexes(models);
  const seeded = await seed(models);
  console.log(`seeded ${MEMBERS} members: ${seeded.people} people accounts, ${seeded.facts} facts`);
  await connection.close();
  process.exit(0);
}

const seedStarted = performance.now();
const seeder = fork(fileURLToPath(import.meta.url), {
  env: { ...process.env, STANDUP_BENCH_SEED: '1' },
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const [exitCode] = (await once(seeder, 'exit')) as [number | null];
if (exitCode !== 0) throw new Error(`seeding failed (exit ${exitCode})`);
console.log(
  `  in ${((performance.now() - seedStarted) / 1_000).toFixed(1)} s, in a child process (not timed, not in the RSS); ` +
    `${TICKS} ticks at once, rate ${RATE}/s`,
);
const connection = await connect();
try {
  const models = defineModels(connection);
  if (SURFACES.includes('slack')) {
    const slack = new FakeSlack({ postLimits: { perChannel: 1, workspacePerSecond: RATE } });
    await slack.http.start();
    try {
      const client = createPostingClient({ botToken: 'xoxb-bench-standup', apiUrl: slack.apiUrl }, log);
      const teams = createTeamsPoster({
        adapter: () => new TeamsAdapter({}),
        conversations: models.TeamsConversation,
        log,
      });
      const poster = createChatPoster({
        slack: createSlackPoster(client, { log, perSecond: RATE }),
        teams,
        log,
      });
      const run = await fanOut(
        models,
        'slack',
        poster,
        () => {
          const counts = slack.postCounts();
          return Array.from({ length: MEMBERS }, (_, index) => counts.get(`D${pad(index)}`) ?? 0);
        },
        () => slack.rateLimitedCount,
      );
      report('Slack', run);
    } finally {
      await slack.http.stop();
    }
  }

  if (SURFACES.includes('teams')) {
    const connector = new FakeBotConnector({ perTenantPerSecond: RATE });
    await connector.http.start();
    try {
      await seedTeamsConversations(models, connector.serviceUrl);
      const adapter = new TeamsAdapter({});
      const poster = createChatPoster({
        teams: createTeamsPoster({
          adapter: () => adapter,
          conversations: models.TeamsConversation,
          log,
          perSecond: RATE,
        }),
        log,
      });
      const run = await fanOut(
        models,
        'teams',
        poster,
        () => {
          const counts = new Map<string, number>();
          for (const post of connector.posts())
            counts.set(post.conversationId, (counts.get(post.conversationId) ?? 0) + 1);
          return Array.from({ length: MEMBERS }, (_, index) => counts.get(chatOf(index)) ?? 0);
        },
        () => connector.rateLimitedCount,
      );
      report('Teams', run);
    } finally {
      await connector.http.stop();
    }
  }
} finally {
  await connection.dropDatabase();
  await connection.close();
}
