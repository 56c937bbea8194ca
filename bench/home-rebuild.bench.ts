/**
 * App Home after a burst of PR events (issue 12). An org of REPOS repositories (default 50) with OPEN open
 * and as many merged pull requests (default 2,000 each, reviews on the PRs and in `reviews`), PEOPLE people
 * (default 500) with Slack and GitHub accounts and calendars in five zones, standups of 10 with an open
 * blocker each, and APPROVALS pending approvals (default 5). The homes are built as bot/main.ts builds them
 * (`createHomeBuilderOf`) and published as the Slack surface publishes them (`createSlackHomes`: the throttle,
 * the real Web API client against the Slack fake).
 *
 *   1. Every person opens their App Home: OPEN_SAMPLE (default 50) one at a time, timed, the rest 10 at a time.
 *   2. Once an interval has passed, EVENTS PR writes (default 1,000) arrive as fast as the normalizer applies
 *      them (each PR's fact changed, then `accountsTouchedBy` and the throttle, as `afterApply` does).
 *      Printed: the time until every home is current (the trailing publishes included), the batches the
 *      throttle built, and views.publish calls per person in any INTERVAL_MS window (default 60,000), as the
 *      Slack fake received them. The bench fails if anyone got more than one.
 *   3. The naive way in the same run: every event rebuilds and publishes the home of everyone on its PR, no
 *      throttle, each home built by scanning the tenant's PR and review facts. Timed on NAIVE_EVENTS events
 *      (default 10) and extrapolated to EVENTS; its homes must equal ours.
 *
 * QUERIES=1 prints every database command of one home built alone and of one batch of 50.
 *   npm run bench -- bench/home-rebuild.bench.ts   (PEOPLE, OPEN, REPOS, EVENTS, INTERVAL_MS, NAIVE_EVENTS, OPEN_SAMPLE, SAME_SAMPLE, QUERIES)
 */
import assert from 'node:assert/strict';
import { WebClient } from '@slack/web-api';
import mongoose from 'mongoose';
import pino from 'pino';
import { createApprovalServices } from '../bot/approvals/create-approval-services.ts';
import { createHomeBuilderOf } from '../bot/create-home-builder.ts';
import { createTriageJudge } from '../bot/create-triage-queue.ts';
import { createMetrics } from '../bot/metrics.ts';
import { createUsergroupMembers } from '../bot/slack/approvals/usergroup-members.ts';
import { createSlackHomes } from '../bot/slack/home/slack-homes.ts';
import { renderHomeForSlack } from '../cards/slack/home.ts';
import { createCalendarSource } from '../data/availability/create-calendar-source.ts';
import { createPublicHolidays } from '../data/availability/public-holidays.ts';
import { accountsTouchedBy } from '../data/home/accounts-touched-by-writes.ts';
import { githubLoginsOf } from '../data/home/github-logins.ts';
import { personOpenPullsOf } from '../data/home/open-pull-facts.ts';
import { defineModels, ensureIndexes, type Models } from '../data/models/index.ts';
import type { PullRequestFields } from '../data/models/facts/pull-request.ts';
import type { FactWrite } from '../data/sources/fact-write.ts';
import { createBlockerStore } from '../data/standup/mongo-blocker-store.ts';
import { createStandupStore } from '../data/standup/mongo-standup-store.ts';
import { createHomeBuilder } from '../handlers/home/build-home.ts';
import { createTriagePersonPulls } from '../handlers/home/triage-person-pulls.ts';
import type { HomeOwner, HomePorts, OpenPullFacts } from '../handlers/home/types.ts';
import { FakeSlack } from '../test/fakes/slack-api.ts';
import { pendingApproval } from '../test/support/approval-fixture.ts';
import { testServerUri } from '../test/support/database.ts';
import { benchHeader } from './support/backend.ts';

console.log(benchHeader());
const PEOPLE = Number(process.env.PEOPLE ?? 500);
const OPEN = Number(process.env.OPEN ?? 2_000);
const REPOS = Number(process.env.REPOS ?? 50);
const EVENTS = Number(process.env.EVENTS ?? 1_000);
const INTERVAL_MS = Number(process.env.INTERVAL_MS ?? 60_000);
const NAIVE_EVENTS = Math.min(EVENTS, Number(process.env.NAIVE_EVENTS ?? 10));
const OPEN_SAMPLE = Math.min(PEOPLE, Number(process.env.OPEN_SAMPLE ?? 50));
const SAME_SAMPLE = Number(process.env.SAME_SAMPLE ?? 10);
const APPROVALS = Number(process.env.APPROVALS ?? 5);
const TEAM_SIZE = 10;
const T = 'T0HOMEBENCH';
const NOW = new Date('2026-12-02T15:30:00Z'); // a Wednesday
const HOUR = 3_600_000;
const ZONES = ['Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Asia/Kolkata', 'Europe/London'];
const REGIONS = ['DE', 'US', 'US', 'IN', 'GB'];

/** A fixed sequence, so every run seeds the same facts. */
let seedState = 42;
const random = () => {
  seedState = (seedState * 1_103_515_245 + 12_345) % 2 ** 31;
  return seedState / 2 ** 31;
};
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
const pad = (index: number) => String(index).padStart(4, '0');
const login = (index: number) => `dev-${pad(index)}`;
const slackId = (index: number) => `U${pad(index)}`;
const repoOf = (index: number) => `acme/service-${String(index % REPOS).padStart(2, '0')}`;
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * HOUR);
const othersThan = (author: number, count: number) => {
  const chosen = new Set<number>();
  while (chosen.size < count) {
    const other = Math.floor(random() * PEOPLE);
    if (other !== author) chosen.add(other);
  }
  return [...chosen].map(login);
};

async function seed(models: Models) {
  const people = [];
  const availability = [];
  for (let index = 0; index < PEOPLE; index += 1) {
    const personId = `person-${pad(index)}`;
    for (const [tool, handle] of [
      ['slack', slackId(index)],
      ['github', login(index)],
    ] as const) {
      people.push({ _id: `${T}|${tool}|${handle}`, tenantId: T, tool, handle, personId, snapshotVersion: 1 });
    }
    availability.push({
      tenantId: T,
      personId,
      timeZone: ZONES[index % ZONES.length],
      holidayRegion: REGIONS[index % REGIONS.length],
      timeOff: index % 7 === 0 ? [{ from: '2026-11-23', to: '2026-11-27', note: 'away' }] : [],
      updatedAt: NOW,
    });
  }
  const pulls = [];
  const reviews = [];
  let reviewId = 1;
  for (let index = 0; index < OPEN * 2; index += 1) {
    const open = index < OPEN;
    const author = Math.floor(random() * PEOPLE);
    const repo = repoOf(index);
    const number = 1_000 + index;
    const openedHours = open ? random() ** 2 * 120 * 24 : 24 + random() * 180 * 24;
    const reviewed = random() < 0.6 ? othersThan(author, 1 + Math.floor(random() * 2)) : [];
    const history = reviewed.map((reviewer, at) => ({
      reviewer,
      state: pick(['approved', 'changes_requested', 'commented'] as const),
      at: hoursAgo(openedHours * (0.8 - at * 0.2)),
    }));
    for (const review of history) {
      reviews.push({
        _id: `${T}|${repo}|${reviewId}`,
        tenantId: T,
        repo,
        reviewId: reviewId++,
        prNumber: number,
        author: review.reviewer,
        state: review.state,
        submittedAt: review.at,
        snapshotVersion: 1,
      });
    }
    pulls.push({
      _id: `${T}|${repo}|${number}`,
      tenantId: T,
      repo,
      number,
      author: login(author),
      title: `Change ${number} in ${repo}`,
      url: `https://github.com/${repo}/pull/${number}`,
      state: open ? 'open' : 'merged',
      draft: open && random() < 0.08,
      baseRef: 'main',
      openedAt: hoursAgo(openedHours),
      updatedAt: hoursAgo(openedHours * 0.5),
      ...(open ? {} : { mergedAt: hoursAgo(openedHours - 12) }),
      requestedReviewers: open ? othersThan(author, 1 + Math.floor(random() * 2)) : [],
      reviewers: reviewed,
      reviewHistory: history,
      additions: Math.floor(random() * 1_200),
      deletions: Math.floor(random() * 300),
      changedFiles: 1 + Math.floor(random() * 20),
      checks: pick(['success', 'success', 'failure', 'pending'] as const),
      snapshotVersion: 1,
    });
  }
  const chunked = async (
    model: { insertMany(docs: unknown[], o: object): Promise<unknown> },
    docs: unknown[],
  ) => {
    for (let start = 0; start < docs.length; start += 1_000)
      await model.insertMany(docs.slice(start, start + 1_000), { ordered: false, lean: true });
  };
  await chunked(models.Person, people);
  await chunked(models.PersonAvailability, availability);
  await chunked(models.PullRequest, pulls);
  await chunked(models.Review, reviews);
  const standups = createStandupStore(models.Standup, models.StandupAnswer);
  const blockers = createBlockerStore(models);
  for (let first = 0; first < PEOPLE; first += TEAM_SIZE) {
    const members = Array.from({ length: Math.min(TEAM_SIZE, PEOPLE - first) }, (_, offset) => ({
      tool: 'slack' as const,
      handle: slackId(first + offset),
    }));
    const standup = await standups.create(
      T,
      {
        name: `Team ${first / TEAM_SIZE}`,
        surface: 'slack',
        reportChannel: `C0TEAM${first}`,
        owner: members[0]!,
        members,
        memberSource: { kind: 'people' },
        questions: [{ id: 'q1', text: 'Anything blocking you?', kind: 'text', blockers: true }],
        days: [1, 2, 3, 4, 5],
        promptTime: '09:30',
        deadlineTime: '11:00',
        reminderMinutes: null,
      },
      NOW,
    );
    await blockers.replaceDay(T, standup.id, members[1] ?? members[0]!, '2026-12-01', [
      {
        tenantId: T,
        standupId: standup.id,
        member: members[1] ?? members[0]!,
        owner: members[0]!,
        date: '2026-12-01',
        openedAt: hoursAgo(30),
        text: `Waiting on the staging keys for team ${first / TEAM_SIZE}`,
        items: [],
        unblockers: [],
      },
    ]);
  }
  return { people: people.length, pulls: pulls.length, reviews: reviews.length };
}

const connection = await mongoose
  .createConnection(testServerUri(), { dbName: 'bench_home_rebuild', monitorCommands: true })
  .asPromise();
await connection.dropDatabase();
const models = defineModels(connection);
await ensureIndexes(models);
let started = performance.now();
const seeded = await seed(models);
const log = pino({ level: 'silent' });
const approvals = createApprovalServices({
  models,
  log,
  metrics: createMetrics(),
  notifiers: [],
  executors: {},
  async scheduleStep() {},
});
for (let index = 0; index < APPROVALS; index += 1) {
  await approvals.store.insert(
    pendingApproval({
      id: `a-${index}`,
      tenantId: T,
      requester: `slack:${slackId(index)}`,
      created_at: hoursAgo(2),
      expires_at: hoursAgo(-22),
    }),
  );
}
console.log(
  `seeded ${seeded.pulls} PRs (${OPEN} open) over ${REPOS} repositories, ${seeded.reviews} reviews, ${PEOPLE} people, ` +
    `${Math.ceil(PEOPLE / TEAM_SIZE)} standups with a blocker each, ${APPROVALS} pending approvals in ${seconds(started)}`,
);

const calendars = createCalendarSource(models, createPublicHolidays());
const standups = { store: createStandupStore(models.Standup, models.StandupAnswer), calendars };
const blockers = createBlockerStore(models);
const home = createHomeBuilderOf({ models, calendars, standups, blockers, approvals, now: () => NOW });

/** The naive reads: every PR and review of the tenant, joined and filtered in TypeScript, for each home. */
const scanningFacts: OpenPullFacts = {
  async ofLogins(tenantId, logins, botLogins = []) {
    const [all, reviews] = await Promise.all([
      models.PullRequest.find({ tenantId }).lean(),
      models.Review.find({ tenantId }).lean(),
    ]);
    const reviewsOf = new Map<string, NonNullable<PullRequestFields['reviewHistory']>>();
    for (const review of reviews) {
      if (!review.author || !review.state || !review.submittedAt || review.state === 'pending') continue;
      const key = `${review.repo}#${review.prNumber}`;
      const history = reviewsOf.get(key) ?? [];
      history.push({ reviewer: review.author, state: review.state, at: review.submittedAt });
      reviewsOf.set(key, history);
    }
    const mine = all
      .filter((pr) => pr.state === 'open')
      .filter(
        (pr) =>
          logins.includes(pr.author ?? '') || (pr.requestedReviewers ?? []).some((l) => logins.includes(l)),
      )
      .map((pr) => ({
        ...pr,
        reviewHistory: (reviewsOf.get(`${pr.repo}#${pr.number}`) ?? [])
          .filter((review) => review.reviewer !== pr.author)
          .sort((a, b) => a.at.getTime() - b.at.getTime() || a.reviewer.localeCompare(b.reviewer)),
      }));
    return personOpenPullsOf(mine, logins, botLogins);
  },
  ofTenant() {
    throw new Error('the naive way builds each home alone');
  },
};
const naivePorts: HomePorts = {
  githubLoginsOf: (tenantId, account) => githubLoginsOf(models.Person, tenantId, account),
  pulls: createTriagePersonPulls({ facts: scanningFacts, ...createTriageJudge({ models, calendars }) }),
  standups,
  blockers,
  approvals,
};
const naive = createHomeBuilder(naivePorts, () => NOW);

const slack = new FakeSlack();
await slack.http.start();
const client = new WebClient('xoxb-home-bench', { slackApiUrl: slack.apiUrl });
const keys = Array.from({ length: PEOPLE }, (_, index) => ({ tenantId: T, userId: slackId(index) }));
const ownerOf = (userId: string): HomeOwner => ({
  tenantId: T,
  account: { tool: 'slack', handle: userId },
  decider: { userId: `slack:${userId}`, slackGroups: [] },
});

// Timing, RSS and batches around the builder, without changing what it does.
const batches: { size: number; ms: number }[] = [];
const timed = {
  build: home.build,
  async buildMany(owners: readonly HomeOwner[]) {
    const at = performance.now();
    const views = await home.buildMany(owners);
    batches.push({ size: owners.length, ms: performance.now() - at });
    return views;
  },
};
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const homes = createSlackHomes({
  client,
  home: timed,
  approvals,
  groups: createUsergroupMembers(client, log),
  log,
  intervalMs: INTERVAL_MS,
});

function seconds(since: number) {
  return `${((performance.now() - since) / 1000).toFixed(2)} s`;
}
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
/** views.publish requests the fake received since `from` (an index into its requests), by user. */
function publishesSince(from: number): Map<string, number[]> {
  const byUser = new Map<string, number[]>();
  for (const request of slack.http.requests.slice(from)) {
    if (!request.path.startsWith('/api/views.publish')) continue;
    const userId = String(
      new URLSearchParams(request.body).get('user_id') ?? JSON.parse(request.body).user_id,
    );
    byUser.set(userId, [...(byUser.get(userId) ?? []), request.at]);
  }
  return byUser;
}
/** The most publishes one person got within any window of INTERVAL_MS. */
function mostPerWindow(byUser: Map<string, number[]>): number {
  let most = 0;
  for (const times of byUser.values()) {
    times.sort((a, b) => a - b);
    for (let first = 0, last = 0; last < times.length; last += 1) {
      while (times[last]! - times[first]! >= INTERVAL_MS) first += 1;
      most = Math.max(most, last - first + 1);
    }
  }
  return most;
}
const countsOf = (byUser: Map<string, number[]>) => keys.map((key) => byUser.get(key.userId)?.length ?? 0);
const summary = (counts: number[]) =>
  `max ${Math.max(...counts)}, mean ${(counts.reduce((a, b) => a + b, 0) / counts.length).toFixed(2)}`;

if (process.env.QUERIES) {
  const commands = new Map<number, string>();
  let lines: string[] = [];
  const client = connection.getClient();
  client.on('commandStarted', (event) => {
    const filter = JSON.stringify(event.command.filter ?? event.command.pipeline ?? '').slice(0, 110);
    commands.set(
      event.requestId,
      `${event.commandName} ${String(event.command[event.commandName])} ${filter}`,
    );
  });
  client.on('commandSucceeded', (event) =>
    lines.push(`  ${String(event.duration).padStart(5)} ms  ${commands.get(event.requestId)}`),
  );
  for (const [what, run] of [
    ['one home alone', () => home.build(ownerOf(slackId(1)))],
    ['a batch of 50 homes', () => home.buildMany(keys.slice(0, 50).map((key) => ownerOf(key.userId)))],
  ] as const) {
    lines = [];
    const at = performance.now();
    await run();
    console.log(`QUERIES ${what}: ${lines.length} commands, ${seconds(at)}`);
    for (const line of lines) console.log(line);
  }
  client.removeAllListeners('commandStarted');
  client.removeAllListeners('commandSucceeded');
}

// 1. Everyone opens their App Home: OPEN_SAMPLE one at a time (timed), the rest 10 at a time.
const openTimes: number[] = [];
started = performance.now();
for (const key of keys.slice(0, OPEN_SAMPLE)) {
  const at = performance.now();
  await homes.publishNow(key);
  openTimes.push(performance.now() - at);
}
const openedAlone = (performance.now() - started) / 1000;
const rest = keys.slice(OPEN_SAMPLE);
await Promise.all(
  Array.from({ length: 10 }, async () => {
    for (let key = rest.shift(); key; key = rest.shift()) await homes.publishNow(key);
  }),
);
const blocks = Math.max(
  ...slack
    .calls('views.publish')
    .map((call) => (JSON.parse(String(call.args.view)) as { blocks: unknown[] }).blocks.length),
);
console.log(
  `opened ${PEOPLE} homes in ${seconds(started)}; ${openTimes.length} one at a time in ${openedAlone.toFixed(2)} s: ` +
    `per home p50 ${ms(percentile(openTimes, 50))}, p95 ${ms(percentile(openTimes, 95))} (up to ${blocks} blocks)`,
);
const rssAfterOpen = process.memoryUsage().rss;

// 2. The burst, once an interval has passed since the opens (the first refresh of each home is due at once).
await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
const writes: FactWrite[] = Array.from({ length: EVENTS }, (_, index) => {
  const number = 1_000 + ((index * 7) % OPEN);
  return { kind: 'pullRequest', key: { repo: repoOf(number - 1_000), number } };
});
const touched = new Map<string, number>();
const fromRequest = slack.http.requests.length;
started = performance.now();
for (const [index, write] of writes.entries()) {
  const { repo, number } = write.key as { repo: string; number: number };
  await models.PullRequest.updateOne(
    { tenantId: T, _id: `${T}|${repo}|${number}` },
    {
      $set: {
        title: `Change ${number} in ${repo}, edit ${index}`,
        updatedAt: new Date(NOW.getTime() - index),
      },
    },
  );
  const accounts = await accountsTouchedBy(models, T, [write]);
  for (const account of accounts) touched.set(account.handle, (touched.get(account.handle) ?? 0) + 1);
  homes.changed(accounts.map((account) => ({ tenantId: T, userId: account.handle })));
}
const burstSeconds = (performance.now() - started) / 1000;
console.log(
  `burst: ${EVENTS} PR events applied     ${burstSeconds.toFixed(2)} s (fact write, accountsTouchedBy, throttle)`,
);
await homes.idle();
const oursTotal = (performance.now() - started) / 1000;
const ours = publishesSince(fromRequest);
const oursPerWindow = mostPerWindow(ours);
const batchMs = batches.reduce((sum, batch) => sum + batch.ms, 0);
const batchHomes = batches.reduce((sum, batch) => sum + batch.size, 0);
const perHome = batches.flatMap((batch) => Array.from({ length: batch.size }, () => batch.ms / batch.size));
console.log(
  `ours: every home current after        ${oursTotal.toFixed(2)} s (the throttle waits out ${INTERVAL_MS / 1000} s for the trailing ones)`,
);
console.log(
  `ours: ${batches.length} batches built ${batchHomes} homes in ${(batchMs / 1000).toFixed(2)} s ` +
    `(largest ${Math.max(...batches.map((b) => b.size))} homes in ${ms(Math.max(...batches.map((b) => b.ms)))}); ` +
    `per home p50 ${ms(percentile(perHome, 50))}, p95 ${ms(percentile(perHome, 95))}`,
);
console.log(
  `ours: views.publish per person: ${summary(countsOf(ours))}; most in any ${INTERVAL_MS / 1000} s: ${oursPerWindow}`,
);
console.log(
  `peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB (after the opens ${(rssAfterOpen / 2 ** 20).toFixed(0)} MB)`,
);
homes.stop();

// 3. The naive way: every event rebuilds and publishes the home of everyone on it, each from a scan.
const naiveFrom = slack.http.requests.length;
const naiveTimes: number[] = [];
const naiveRssBefore = peakRss;
peakRss = 0;
let naiveHomes = 0;
started = performance.now();
for (const write of writes.slice(0, NAIVE_EVENTS)) {
  const accounts = await accountsTouchedBy(models, T, [write]);
  for (const account of accounts) {
    const at = performance.now();
    const view = await naive.build(ownerOf(account.handle));
    await client.views.publish({ user_id: account.handle, view: renderHomeForSlack(view) as never });
    naiveTimes.push(performance.now() - at);
    naiveHomes += 1;
  }
}
const naiveSeconds = (performance.now() - started) / 1000;
const naivePublishes = publishesSince(naiveFrom);
const allTouches = [...touched.values()];
const naiveExtrapolated = (naiveSeconds / NAIVE_EVENTS) * EVENTS;
console.log(
  `naive: ${NAIVE_EVENTS} events, ${naiveHomes} homes     ${naiveSeconds.toFixed(2)} s: per home p50 ${ms(percentile(naiveTimes, 50))}, ` +
    `p95 ${ms(percentile(naiveTimes, 95))}; for ${EVENTS} events about ${naiveExtrapolated.toFixed(0)} s`,
);
console.log(
  `naive: views.publish per person: one per event on their PRs, ${summary(keys.map((key) => touched.get(key.userId) ?? 0))} ` +
    `over the ${EVENTS} events (${allTouches.reduce((a, b) => a + b, 0)} in all); in the ${NAIVE_EVENTS} timed: ` +
    `${summary(countsOf(naivePublishes))}, most in any ${INTERVAL_MS / 1000} s: ${mostPerWindow(naivePublishes)}`,
);
console.log(
  `naive / ours: time to current homes ${(naiveExtrapolated / oursTotal).toFixed(1)}× ` +
    `(building only: ${(naiveExtrapolated / (batchMs / 1000)).toFixed(0)}×); per home p50 ` +
    `${(percentile(naiveTimes, 50) / percentile(perHome, 50)).toFixed(0)}×; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB ` +
    `(ours ${(naiveRssBefore / 2 ** 20).toFixed(0)} MB)`,
);

// The same homes both ways, for a sample of people (the naive way scans, ours reads in batch).
const sample = keys.filter((_, index) => index % Math.max(1, Math.floor(PEOPLE / SAME_SAMPLE)) === 0);
const batchViews = await home.buildMany(sample.map((key) => ownerOf(key.userId)));
for (const [index, key] of sample.entries()) {
  assert.deepEqual(batchViews[index], await naive.build(ownerOf(key.userId)), `the home of ${key.userId}`);
  assert.deepEqual(
    batchViews[index],
    await home.build(ownerOf(key.userId)),
    `the home of ${key.userId}, alone`,
  );
}
console.log(`same homes three ways (batch, alone, naive) for ${sample.length} people: yes`);
clearInterval(sampler);
assert.ok(
  oursPerWindow <= 1,
  `views.publish per person per ${INTERVAL_MS / 1000} s: ${oursPerWindow}, goal ≤ 1`,
);
await slack.http.stop();
await connection.dropDatabase();
await connection.close();
