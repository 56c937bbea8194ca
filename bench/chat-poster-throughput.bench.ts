/**
 * How close the chat poster gets to the surfaces' rate limits when many messages go at once (standup prompts):
 * MESSAGES direct messages to distinct people, all sent together, through
 * 1. Slack: the real Web API client against FakeSlack enforcing chat.postMessage at 1/s per channel and a
 *    workspace bucket of RATE/s (holding a second's worth), with 429 + Retry-After;
 * 2. Teams: botbuilder against the connector fake at RATE requests/s per tenant (a second's worth held), each
 *    person's personal chat looked up in the database as in production.
 * The theoretical minimum is the time a perfect sender needs to drain MESSAGES through the bucket: it may send
 * the bucket's RATE at once, then RATE a second, so (MESSAGES - RATE) / RATE seconds. Lost and duplicated count
 * people with no message and people with more than one.
 *   npm run bench -- bench/chat-poster-throughput.bench.ts      (MESSAGES and RATE env vars adjust it)
 */
import { TeamsAdapter } from '@microsoft/teams-ai';
import mongoose from 'mongoose';
import pino from 'pino';
import { createPostingClient, createSlackPoster } from '../bot/slack/slack-poster.ts';
import { createTeamsPoster } from '../bot/teams/teams-poster.ts';
import { defineModels } from '../data/models/index.ts';
import type { Delivery } from '../handlers/delivery/types.ts';
import type { NoticeView } from '../handlers/types.ts';
import { FakeBotConnector } from '../test/fakes/bot-connector.ts';
import { FakeSlack } from '../test/fakes/slack-api.ts';
import { testServerUri } from '../test/support/database.ts';
import { benchHeader } from './support/backend.ts';

console.log(benchHeader());

const MESSAGES = Number(process.env.MESSAGES ?? 500);
const RATE = Number(process.env.RATE ?? 50);
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const log = pino({ level: 'silent' });
const prompt: NoticeView = {
  kind: 'notice',
  tone: 'info',
  title: 'Standup',
  body: 'What did you do yesterday?',
};
const people = Array.from({ length: MESSAGES }, (_, index) => String(index).padStart(5, '0'));
const theoreticalSeconds = Math.max(0, MESSAGES - RATE) / RATE;

/** Sends one message per person at once; returns seconds taken and the refusals. */
async function sendAll(send: (person: string) => Promise<Delivery>) {
  const started = performance.now();
  const sent = await Promise.all(people.map(send));
  return { seconds: (performance.now() - started) / 1_000, refused: sent.filter((d) => !d.ok).length };
}

function report(name: string, seconds: number, counts: number[], refused: number, rateLimited: number) {
  const lost = MESSAGES - counts.filter((count) => count > 0).length;
  const duplicated = counts.filter((count) => count > 1).length;
  console.log(
    `${name.padEnd(8)} ${MESSAGES} messages in ${seconds.toFixed(2)} s = ${(MESSAGES / seconds).toFixed(1)} msgs/s | ` +
      `theoretical minimum ${theoreticalSeconds.toFixed(2)} s, ratio ${(seconds / theoreticalSeconds).toFixed(3)} | ` +
      `lost ${lost}, duplicated ${duplicated}, refused ${refused}, 429s ${rateLimited}`,
  );
}

const slack = new FakeSlack({ postLimits: { perChannel: 1, workspacePerSecond: RATE } });
await slack.http.start();
try {
  const client = createPostingClient({ botToken: 'xoxb-bench-poster', apiUrl: slack.apiUrl }, log);
  const poster = createSlackPoster(client, { log, perSecond: RATE });
  const { seconds, refused } = await sendAll((person) => poster.post(`U${person}`, prompt));
  const counts = slack.postCounts();
  report(
    'Slack',
    seconds,
    people.map((person) => counts.get(`D${person}`) ?? 0),
    refused,
    slack.rateLimitedCount,
  );
} finally {
  await slack.http.stop();
}

const connection = await mongoose
  .createConnection(testServerUri(), { dbName: 'bench_chat_poster' })
  .asPromise();
const connector = new FakeBotConnector({ perTenantPerSecond: RATE });
await connector.http.start();
try {
  await connection.dropDatabase();
  const models = defineModels(connection);
  await models.TeamsConversation.init();
  const chatOf = (person: string) => `a:personal-${person}`;
  await models.TeamsConversation.insertMany(
    people.map((person) => ({
      tenantId: TENANT,
      conversationId: chatOf(person),
      conversationType: 'personal',
      aadObjectId: person,
      updatedAt: new Date(),
      reference: {
        serviceUrl: connector.serviceUrl,
        channelId: 'msteams',
        bot: { id: '28:em-agent' },
        user: { id: `29:${person}`, aadObjectId: person },
        conversation: { id: chatOf(person), conversationType: 'personal', tenantId: TENANT },
      },
    })),
  );
  const adapter = new TeamsAdapter({});
  const poster = createTeamsPoster({
    adapter: () => adapter,
    conversations: models.TeamsConversation,
    log,
    perSecond: RATE,
  });
  const { seconds, refused } = await sendAll((person) => poster.sendDirect(TENANT, person, prompt));
  const counts = new Map<string, number>();
  for (const post of connector.posts())
    counts.set(post.conversationId, (counts.get(post.conversationId) ?? 0) + 1);
  report(
    'Teams',
    seconds,
    people.map((person) => counts.get(chatOf(person)) ?? 0),
    refused,
    connector.rateLimitedCount,
  );
} finally {
  await connector.http.stop();
  await connection.dropDatabase();
  await connection.close();
}
