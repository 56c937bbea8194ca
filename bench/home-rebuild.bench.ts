/**
 * App Home after a burst of PR events (issue 12): PEOPLE people (default 500), each with a Slack account linked
 * to a GitHub login, PRS open pull requests (default 2,000) over 50 repositories, authored by them, each
 * requesting two of them. Every home is opened once (built and "published" to a counting publisher, the
 * render included), then EVENTS PR writes (default 1,000) arrive as fast as the normalizer would apply them:
 * each finds the people on its PR (`accountsTouchedBy`) and asks the throttle for their homes, which publishes
 * at most once per person per INTERVAL_MS (default 60,000; the bench waits for the trailing publishes).
 * Printed: time to build all homes (and a SAMPLE, default 50, with triage's tenant-wide read, the baseline), the burst's handling time, publishes per person; beside the naive way
 * (every event rebuilds and publishes the home of everyone on it, no throttle) measured in the same run.
 *   npm run bench -- bench/home-rebuild.bench.ts      (PEOPLE, PRS, EVENTS, INTERVAL_MS)
 */
import pino from 'pino';
import { renderHomeForSlack } from '../cards/slack/home.ts';
import { createCalendarSource } from '../data/availability/create-calendar-source.ts';
import { createPublicHolidays } from '../data/availability/public-holidays.ts';
import { accountsTouchedBy } from '../data/home/accounts-touched-by-writes.ts';
import { createFactPersonPulls } from '../data/home/fact-person-pulls.ts';
import { createPersonTriageSource } from '../data/home/person-triage-source.ts';
import { githubLoginsOf } from '../data/home/github-logins.ts';
import { defineModels, ensureIndexes } from '../data/models/index.ts';
import type { FactWrite } from '../data/sources/fact-write.ts';
import { createCalendarsOfLogins } from '../data/triage/calendars-of-logins.ts';
import { createMongoTriageSource } from '../data/triage/mongo-triage-source.ts';
import { createTriageSettingsStore } from '../data/triage/mongo-triage-settings.ts';
import { createHomeBuilder } from '../handlers/home/build-home.ts';
import { createTriagePersonPulls } from '../handlers/home/triage-person-pulls.ts';
import type { HomeBuilder } from '../handlers/home/types.ts';
import { loadTriageQueue } from '../handlers/triage/load-triage-queue.ts';
import { createHomeThrottle, type HomeKey } from '../bot/home/home-throttle.ts';
import { openTestDatabase } from '../test/support/database.ts';
import { benchHeader } from './support/backend.ts';

console.log(benchHeader());
const PEOPLE = Number(process.env.PEOPLE ?? 500);
const PRS = Number(process.env.PRS ?? 2_000);
const EVENTS = Number(process.env.EVENTS ?? 1_000);
const INTERVAL_MS = Number(process.env.INTERVAL_MS ?? 60_000);
const T = 'T0BENCH';
const now = new Date('2027-01-26T10:00:00Z');

const connection = await openTestDatabase(import.meta.url);
await connection.dropDatabase();
const models = defineModels(connection);
await ensureIndexes(models);
const login = (index: number) => `dev${index}`;
const userId = (index: number) => `U0DEV${index}`;
await models.Person.insertMany(
  Array.from({ length: PEOPLE }, (_, index) => [
    {
      _id: `${T}|slack|${userId(index)}`,
      tenantId: T,
      snapshotVersion: 1,
      tool: 'slack',
      handle: userId(index),
      personId: `p${index}`,
    },
    {
      _id: `${T}|github|${login(index)}`,
      tenantId: T,
      snapshotVersion: 1,
      tool: 'github',
      handle: login(index),
      personId: `p${index}`,
    },
  ]).flat(),
);
const opened = new Date(now.getTime() - 30 * 3_600_000);
await models.PullRequest.insertMany(
  Array.from({ length: PRS }, (_, index) => ({
    _id: `${T}|acme/repo-${index % 50}|${index}`,
    tenantId: T,
    snapshotVersion: 1,
    repo: `acme/repo-${index % 50}`,
    number: index,
    title: `Change ${index}`,
    url: `https://github.com/acme/repo-${index % 50}/pull/${index}`,
    author: login(index % PEOPLE),
    state: 'open',
    draft: false,
    requestedReviewers: [login((index + 1) % PEOPLE), login((index + 7) % PEOPLE)],
    openedAt: opened,
    readyAt: opened,
    updatedAt: opened,
    additions: 40,
    deletions: 10,
    changedFiles: 3,
  })),
);

const calendars = createCalendarSource(models, createPublicHolidays());
const triage = {
  // Only the person's PRs: the home's queue needs no tenant-wide review load (it suggests nobody).
  pulls: createPersonTriageSource(models, createMongoTriageSource(models)),
  calendarsOfLogins: createCalendarsOfLogins(models.Person, calendars),
  settings: createTriageSettingsStore(models.TriageSettings),
};
const base = {
  githubLoginsOf: (tenantId: string, account: { tool: 'slack' | 'teams'; handle: string }) =>
    githubLoginsOf(models.Person, tenantId, account),
};
const builders: Record<string, HomeBuilder> = {
  'facts only': createHomeBuilder({ ...base, pulls: createFactPersonPulls(models) }, () => now),
  // The baseline: triage's own source, which reads every open PR of the tenant for each home.
  'triage, tenant-wide read': createHomeBuilder(
    {
      ...base,
      pulls: createTriagePersonPulls(createFactPersonPulls(models), (tenantId, scope, at) =>
        loadTriageQueue({ ...triage, pulls: createMongoTriageSource(models) }, tenantId, scope, at),
      ),
    },
    () => now,
  ),
  'judged by triage': createHomeBuilder(
    {
      ...base,
      pulls: createTriagePersonPulls(createFactPersonPulls(models), (tenantId, scope, at) =>
        loadTriageQueue(triage, tenantId, scope, at),
      ),
    },
    () => now,
  ),
};

const publishesOf = new Map<string, number>();
let blocks = 0;
const publishWith = (builder: HomeBuilder) => async (key: HomeKey) => {
  const view = await builder.build({
    tenantId: key.tenantId,
    account: { tool: 'slack', handle: key.userId },
    decider: { userId: `slack:${key.userId}` },
  });
  blocks = Math.max(blocks, renderHomeForSlack(view).blocks.length);
  publishesOf.set(key.userId, (publishesOf.get(key.userId) ?? 0) + 1);
};
const keys = Array.from({ length: PEOPLE }, (_, index) => ({ tenantId: T, userId: userId(index) }));
const writes: FactWrite[] = Array.from({ length: EVENTS }, (_, index) => ({
  kind: 'pullRequest',
  key: { repo: `acme/repo-${(index % PRS) % 50}`, number: index % PRS },
}));
const perPerson = () => {
  const counts = keys.map((key) => publishesOf.get(key.userId) ?? 0);
  return `max ${Math.max(...counts)}, mean ${(counts.reduce((a, b) => a + b, 0) / counts.length).toFixed(2)}`;
};
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(2)} s`;
const pad = (text: string) => text.padEnd(34);

const SAMPLE = Number(process.env.SAMPLE ?? 50);
for (const [name, builder] of Object.entries(builders)) {
  // The tenant-wide baseline is timed on a sample: it is the slow one.
  const some = name.includes('tenant-wide') ? keys.slice(0, SAMPLE) : keys;
  const started = performance.now();
  for (const key of some) await publishWith(builder)(key);
  console.log(
    `${pad(`${name}: ${some.length} homes`)} ${seconds(started)} (${((performance.now() - started) / some.length).toFixed(1)} ms/home, up to ${blocks} blocks)`,
  );
}

// Throttled: every home opened, then the burst; one batch of writes per event, as the normalizer applies them.
const builder = builders['judged by triage']!;
const throttle = createHomeThrottle({
  publish: publishWith(builder),
  intervalMs: INTERVAL_MS,
  log: pino({ level: 'silent' }),
});
for (const key of keys) await throttle.publishNow(key);
publishesOf.clear();
let started = performance.now();
for (const write of writes) {
  const accounts = await accountsTouchedBy(models, T, [write]);
  throttle.changed(accounts.map((account) => ({ tenantId: T, userId: account.handle })));
}
console.log(
  `${pad(`throttled: ${EVENTS} events handled`)} ${seconds(started)}; publishes so far per person: ${perPerson()}`,
);
started = performance.now();
await throttle.idle();
console.log(
  `${pad('throttled: trailing publishes')} ${seconds(started)} (waits out ${INTERVAL_MS / 1000} s); publishes per person: ${perPerson()}`,
);
throttle.stop();

// Naive: every event rebuilds and publishes the home of everyone on its PR.
publishesOf.clear();
started = performance.now();
for (const write of writes) {
  const accounts = await accountsTouchedBy(models, T, [write]);
  for (const account of accounts) await publishWith(builder)({ tenantId: T, userId: account.handle });
}
console.log(
  `${pad(`naive: ${EVENTS} events, no throttle`)} ${seconds(started)}; publishes per person: ${perPerson()}`,
);
await connection.dropDatabase();
await connection.close();
