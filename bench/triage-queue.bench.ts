/**
 * `/triage <team>` at an org's scale (issue 12, Performance): REPOS repositories (default 50), OPEN open PRs
 * (default 2,000, opened up to 120 days ago) and as many merged ones for the reviewer suggester, their reviews
 * and check status, PEOPLE people (default 200) with calendars (time zones, holidays, time off), and one team,
 * a standup of TEAM members (default 9). Inserted in bulk, not timed.
 * Then RUNS (default 50) `/triage Platform` by a team member, one after another, from the command to the
 * rendered Block Kit reply: runCommand with the ports bot/main.ts wires (bot/create-triage-queue.ts: the open-PR
 * index, the calendar and suggester caches), then renderViewForSlack. The first run, which loads the tenant's
 * index and builds its suggester, is shown apart; then RUNS more with one PR written through applyFactWrites
 * (untimed) before each, which the index reads back from the change log.
 * In the same run, PREVIOUS_RUNS (default 20) of the loader as it was before the index: the per-login PR reads
 * of createMongoTriageSource and every calendar read at each command (the same suggester, built once). And the
 * naive computation: every open PR and every review of the tenant read, joined and filtered to the team in TS,
 * a suggester built from the merged history each time, the same queue and renderer. All must show the same items.
 * QUERIES=1 first prints FerretDB's plan and time of the source's per-login reads (and of one `$or` read of the
 * team instead), and every database command of one warm /triage with its duration.
 *   npm run bench -- bench/triage-queue.bench.ts  (REPOS, OPEN, PEOPLE, TEAM, RUNS, PREVIOUS_RUNS, NAIVE_RUNS, QUERIES)
 */
import mongoose from 'mongoose';
import { createTriageQueue } from '../bot/create-triage-queue.ts';
import { renderViewForSlack } from '../cards/slack/render-view.ts';
import { createCalendarSource } from '../data/availability/create-calendar-source.ts';
import { createPublicHolidays } from '../data/availability/public-holidays.ts';
import { applyFactWrites } from '../data/ingest/apply-fact-writes.ts';
import { factModelsOf } from '../data/models/ingest-models.ts';
import { defineModels, ensureIndexes, type Models } from '../data/models/index.ts';
import { createStandupStore } from '../data/standup/mongo-standup-store.ts';
import { createCalendarsOfLogins } from '../data/triage/calendars-of-logins.ts';
import { loadReviewHistory } from '../data/triage/mongo-review-history.ts';
import { createTriageMarks } from '../data/triage/mongo-triage-marks.ts';
import { createTriageSettingsStore } from '../data/triage/mongo-triage-settings.ts';
import { createMongoTriageSource, triagePullOf } from '../data/triage/mongo-triage-source.ts';
import { createTriagePeople } from '../data/triage/triage-people.ts';
import { COMMANDS, parseCommandText, runCommand } from '../handlers/run-command.ts';
import { countOpenReviews } from '../handlers/triage/build-queue.ts';
import { loadTriageQueue } from '../handlers/triage/load-triage-queue.ts';
import { createReviewerSuggester } from '../handlers/triage/suggest-reviewers.ts';
import type { TriagePorts } from '../handlers/triage/triage-ports.ts';
import type { TriagePullSource } from '../handlers/triage/types.ts';
import type { CommandPorts, Reply } from '../handlers/types.ts';
import { testServerUri } from '../test/support/database.ts';
import { benchHeader } from './support/backend.ts';

console.log(benchHeader());

const REPOS = Number(process.env.REPOS ?? 50);
const OPEN = Number(process.env.OPEN ?? 2_000);
const PEOPLE = Number(process.env.PEOPLE ?? 200);
const TEAM = Math.min(PEOPLE, Number(process.env.TEAM ?? 9));
const RUNS = Number(process.env.RUNS ?? 50);
const NAIVE_RUNS = Number(process.env.NAIVE_RUNS ?? Math.min(RUNS, 10));
const PREVIOUS_RUNS = Number(process.env.PREVIOUS_RUNS ?? Math.min(RUNS, 20));
const TENANT = 'T0TRIAGEBENCH';
const TEAM_NAME = 'Platform';
const NOW = new Date('2026-12-02T15:30:00Z'); // a Wednesday
const HOUR = 3_600_000;
const ZONES = ['Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Asia/Kolkata', 'Europe/London'];
const REGIONS = ['DE', 'US', 'US', 'IN', 'GB'];
const DIRS = ['src/api', 'src/web', 'src/billing', 'src/auth', 'infra', 'docs'];

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
const repoOf = (index: number) => `acme/service-${String(index).padStart(2, '0')}`;
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * HOUR);
const filesOf = () =>
  Array.from(
    { length: 1 + Math.floor(random() * 6) },
    () => `${pick(DIRS)}/file-${Math.floor(random() * 40)}.ts`,
  );
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
      people.push({
        _id: `${TENANT}|${tool}|${handle}`,
        tenantId: TENANT,
        tool,
        handle,
        personId,
        displayName: `Dev ${pad(index)}`,
      });
    }
    availability.push({
      tenantId: TENANT,
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
    const repo = repoOf(index % REPOS);
    const number = 1_000 + index;
    // Open PRs opened within 120 days, most of them recent; merged ones within 180 days.
    const openedHours = open ? random() ** 2 * 120 * 24 : 24 + random() * 180 * 24;
    const requested = othersThan(author, 1 + Math.floor(random() * 2));
    const reviewed = random() < 0.6 ? othersThan(author, 1 + Math.floor(random() * 2)) : [];
    const history = reviewed.map((reviewer, at) => ({
      reviewer,
      state: pick(['approved', 'changes_requested', 'commented'] as const),
      at: hoursAgo(openedHours * (0.8 - at * 0.2)),
    }));
    for (const review of history) {
      reviews.push({
        _id: `${TENANT}|${repo}|${reviewId}`,
        tenantId: TENANT,
        repo,
        reviewId: reviewId++,
        prNumber: number,
        author: review.reviewer,
        state: review.state,
        submittedAt: review.at,
        url: `https://github.com/${repo}/pull/${number}`,
        snapshotVersion: 1,
      });
    }
    pulls.push({
      _id: `${TENANT}|${repo}|${number}`,
      tenantId: TENANT,
      repo,
      number,
      author: login(author),
      title: `Change ${number} in ${repo}`,
      url: `https://github.com/${repo}/pull/${number}`,
      state: open ? 'open' : 'merged',
      draft: open && random() < 0.08,
      baseRef: 'main',
      headSha: `${number}`.padEnd(40, 'c'),
      openedAt: hoursAgo(openedHours),
      updatedAt: hoursAgo(openedHours * 0.5),
      ...(open ? {} : { mergedAt: hoursAgo(openedHours - 12) }),
      requestedReviewers: open ? requested : [],
      reviewers: reviewed,
      reviewHistory: history,
      files: filesOf(),
      additions: Math.floor(random() * 1_200),
      deletions: Math.floor(random() * 300),
      checks: pick(['success', 'success', 'failure', 'pending'] as const),
      ...(random() < 0.2 ? { checksFailedAt: hoursAgo(openedHours * 0.3) } : {}),
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
  await createStandupStore(models.Standup, models.StandupAnswer).create(
    TENANT,
    {
      name: TEAM_NAME,
      surface: 'slack',
      reportChannel: 'C0REPORT',
      owner: { tool: 'slack', handle: slackId(0) },
      members: Array.from({ length: TEAM }, (_, index) => ({
        tool: 'slack' as const,
        handle: slackId(index),
      })),
      memberSource: { kind: 'people' },
      questions: [{ id: 'q1', text: 'What did you do?', kind: 'text' }],
      days: [1, 2, 3, 4, 5],
      promptTime: '09:30',
      deadlineTime: '11:00',
      reminderMinutes: null,
    },
    NOW,
  );
  return { people: people.length, pulls: pulls.length, reviews: reviews.length };
}

/**
 * The naive source: every open PR and every review of the tenant, reviews joined onto their PRs and the team's
 * PRs picked in TS (authored by a member or requesting one's review).
 */
function naiveSource(models: Models): TriagePullSource {
  return {
    async openPulls(tenantId, scope, botLogins = []) {
      const [facts, allReviews, standup] = await Promise.all([
        models.PullRequest.find({ tenantId, state: 'open' }).lean(),
        models.Review.find({ tenantId }).lean(),
        models.Standup.findOne({ tenantId, name: scope.kind === 'team' ? scope.team : '' }).lean(),
      ]);
      const people = await models.Person.find({ tenantId }).lean();
      const members = new Set(standup?.members.map((member) => `${member.tool}|${member.handle}`));
      const memberIds = new Set(
        people.filter((p) => members.has(`${p.tool}|${p.handle}`)).map((p) => p.personId),
      );
      const logins = new Set(
        people.filter((p) => p.tool === 'github' && memberIds.has(p.personId)).map((p) => p.handle),
      );
      const reviewsOf = new Map<string, typeof allReviews>();
      for (const review of allReviews) {
        const key = `${review.repo}#${review.prNumber}`;
        reviewsOf.set(key, [...(reviewsOf.get(key) ?? []), review]);
      }
      const pulls = facts
        .filter(
          (fact) =>
            logins.has(fact.author ?? '') ||
            (fact.requestedReviewers ?? []).some((reviewer) => logins.has(reviewer)),
        )
        .map((fact) =>
          triagePullOf(
            {
              ...fact,
              reviewHistory: (reviewsOf.get(`${fact.repo}#${fact.number}`) ?? [])
                .sort((a, b) => a.submittedAt!.getTime() - b.submittedAt!.getTime())
                .map((review) => ({
                  reviewer: review.author!,
                  state: review.state!,
                  at: review.submittedAt!,
                })),
            },
            botLogins,
          ),
        );
      pulls.sort((a, b) => a.repo.localeCompare(b.repo) || a.number - b.number);
      return { pulls, openReviews: countOpenReviews(pulls) };
    },
  };
}

const quantile = (sorted: number[], q: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function timeRuns(runs: number, once: () => Promise<Reply>, before?: () => Promise<void>) {
  const times: number[] = [];
  let reply: Reply | undefined;
  let blocks = 0;
  for (let run = 0; run < runs; run += 1) {
    await before?.();
    const started = performance.now();
    reply = await once();
    blocks = renderViewForSlack(reply.view).blocks?.length ?? 0;
    times.push(performance.now() - started);
  }
  return { times, reply: reply!, blocks };
}

function summary(label: string, times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const p95 = quantile(sorted, 0.95);
  console.log(
    `${label.padEnd(34)} p50 ${ms(quantile(sorted, 0.5)).padStart(8)}  p95 ${ms(p95).padStart(8)}  max ${ms(sorted.at(-1) ?? 0).padStart(8)}  (${times.length} runs)`,
  );
  return p95;
}

const connection = await mongoose
  .createConnection(testServerUri(), { dbName: 'bench_triage_queue', monitorCommands: true })
  .asPromise();
await connection.dropDatabase();
const models = defineModels(connection);
await ensureIndexes(models);
const seeded = await seed(models);
console.log(
  `seeded: ${REPOS} repos, ${OPEN} open + ${OPEN} merged PRs, ${seeded.reviews} reviews, ${PEOPLE} people (${TEAM} in "${TEAM_NAME}")`,
);

const calendars = createCalendarSource(models, createPublicHolidays());
const portsWith = (queue: TriagePorts['queue']): CommandPorts => ({
  standups: createStandupStore(models.Standup, models.StandupAnswer),
  triage: {
    queue,
    ...createTriagePeople(models),
    marks: createTriageMarks(models),
    calendars,
    poster: { sendDirect: async () => ({ ok: false, error: 'the bench sends nothing' }) },
    now: () => NOW,
  },
});
const command = () => ({
  actor: { surface: 'slack' as const, tenantId: TENANT, userId: slackId(1) },
  ...parseCommandText(`triage ${TEAM_NAME}`),
});
const fast = portsWith(createTriageQueue({ models, calendars }));
const naiveDeps = {
  pulls: naiveSource(models),
  calendarsOfLogins: createCalendarsOfLogins(models.Person, calendars),
  settings: createTriageSettingsStore(models.TriageSettings),
};
// Before the index (the loader as it was): the source's per-login reads, every calendar read at each command.
const perLoginDeps = { ...naiveDeps, pulls: createMongoTriageSource(models) };
const perLoginSuggester = createReviewerSuggester(await loadReviewHistory(models, TENANT, NOW), {
  now: () => NOW,
});
const perLogin = portsWith(async (tenantId, scope, now) =>
  loadTriageQueue({ ...perLoginDeps, suggester: perLoginSuggester }, tenantId, scope, now),
);
const naive = portsWith(async (tenantId, scope, now) => {
  const suggester = createReviewerSuggester(await loadReviewHistory(models, tenantId, now), {
    now: () => now,
  });
  return loadTriageQueue({ ...naiveDeps, suggester }, tenantId, scope, now);
});

if (process.env.QUERIES) {
  // One warm /triage with each database command it sends and how long it took.
  await runCommand(command(), COMMANDS, fast);
  const client = connection.getClient();
  const started = new Map<number, string>();
  const onStart = (event: { requestId: number; commandName: string; command: Record<string, unknown> }) =>
    started.set(event.requestId, `${event.commandName} ${String(event.command[event.commandName])}`);
  const onDone = (event: { requestId: number; duration: number }) =>
    console.log(`  ${String(event.duration).padStart(5)} ms  ${started.get(event.requestId)}`);
  client.on('commandStarted', onStart);
  client.on('commandSucceeded', onDone);
  for (const filter of [
    { tenantId: TENANT, state: 'open', author: login(1) },
    { tenantId: TENANT, state: 'open', requestedReviewers: login(1) },
    {
      tenantId: TENANT,
      state: 'open',
      $or: [
        { author: { $in: Array.from({ length: TEAM }, (_, i) => login(i)) } },
        { requestedReviewers: { $in: Array.from({ length: TEAM }, (_, i) => login(i)) } },
      ],
    },
  ] as Record<string, unknown>[]) {
    const plan = await connection.db!.command({ explain: { find: 'pull_requests', filter } });
    const begun = performance.now();
    const found = await models.PullRequest.find(filter).lean();
    console.log(
      `  ${JSON.stringify(filter).slice(0, 120)}: pushdown ${String(plan.pushdown)}, ` +
        `${String(plan.queryPlanner?.Plan?.['Node Type'])}, alone ${found.length} docs in ${ms(performance.now() - begun)}`,
    );
  }
  const begun = performance.now();
  await runCommand(command(), COMMANDS, fast);
  console.log(`  one /triage: ${ms(performance.now() - begun)}`);
  client.off('commandStarted', onStart);
  client.off('commandSucceeded', onDone);
}
const first = await timeRuns(1, async () => runCommand(command(), COMMANDS, fast));
const warm = await timeRuns(RUNS, async () => runCommand(command(), COMMANDS, fast));
// The same, with a PR written through applyFactWrites (not timed) before each run: the index reads it back.
const openIds = (await models.PullRequest.find({ tenantId: TENANT, state: 'open' }, { _id: 1 }).lean()).map(
  (fact) => fact._id,
);
let written = 0;
const withWrites = await timeRuns(
  RUNS,
  async () => runCommand(command(), COMMANDS, fast),
  async () => {
    const [, repo, number] = openIds[(written * 37) % openIds.length]!.split('|');
    written += 1;
    await applyFactWrites(factModelsOf(models), TENANT, [
      {
        kind: 'pullRequest',
        key: { repo: repo!, number: Number(number) },
        set: { title: `Edited ${written}` },
      },
    ]);
  },
);
const previous = await timeRuns(PREVIOUS_RUNS, async () => runCommand(command(), COMMANDS, perLogin));
const slow = await timeRuns(NAIVE_RUNS, async () => runCommand(command(), COMMANDS, naive));
const itemsOf = (reply: Reply) =>
  reply.view.kind === 'triage-queue'
    ? reply.view.items.map((item) => `${item.repo}#${item.number}:${item.signal}`)
    : [];
for (const [label, other] of [
  ['naive computation', slow],
  ['per-login reads', previous],
] as const) {
  if (JSON.stringify(itemsOf(warm.reply)) !== JSON.stringify(itemsOf(other.reply))) {
    throw new Error(`the ${label} shows other items than /triage`);
  }
}
const shown = warm.reply.view.kind === 'triage-queue' ? warm.reply.view.items.length : 0;
console.log(`team queue: ${shown} items, ${warm.blocks} Block Kit blocks in the reply`);
console.log(`/triage, first (loads the index, builds the suggester) ${ms(first.times[0]!)}`);
const p95 = summary('/triage (command → Block Kit)', warm.times);
summary('/triage, a PR written before each', withWrites.times);
const previousP95 = summary('before: per-login reads, no caches', previous.times);
const naiveP95 = summary('naive (scan open PRs + reviews)', slow.times);
console.log(
  `at p95: before / /triage ${(previousP95 / p95).toFixed(1)}×, naive / /triage ${(naiveP95 / p95).toFixed(1)}×; ` +
    `target p95 < 200 ms: ${p95 < 200 ? 'met' : 'NOT met'}`,
);
await connection.dropDatabase();
await connection.close();
