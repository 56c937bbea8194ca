/**
 * em-agent's Slack ack path against a bare Bolt app under the same load, in the same run: 100 connections
 * posting signed `/em help` slash commands over loopback. The bare app is Bolt's `App` on an `ExpressReceiver`
 * acking with a static Block Kit reply (no database); em-agent starts as the tests start it, with Slack
 * configured against the local Slack fake, and does what its ack path must (verify the signature and replay
 * window, resolve the tenant, answer through the response URL). One after the other, each warmed up first.
 * Goal: em-agent's throughput ≥ 0.8 × bare Bolt's and its p99 ≤ 1.25 × bare Bolt's.
 *   npm run bench -- bench/slack-ack-vs-bolt.bench.ts      (REQUESTS, WARMUP and CONCURRENCY adjust the load)
 */
import { createServer } from 'node:http';
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import { renderViewForSlack } from '../cards/slack/render-view.ts';
import { runCommand } from '../handlers/run-command.ts';
import { FakeSlack } from '../test/fakes/slack-api.ts';
import { startTestServer } from '../test/support/server.ts';
import { slackSignatureHeaders, slashCommandBody } from '../test/support/slack-signing.ts';
import { formatTiming, load, type Timing } from './support/load.ts';

const REQUESTS = Number(process.env.REQUESTS ?? 3_000);
const WARMUP = Number(process.env.WARMUP ?? 1_000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 100);
const SECRET = 'bench-signing-secret';
const BOT_TOKEN = 'xoxb-bench';

const slack = new FakeSlack();
await slack.http.start();

/** Warm-up, then the measured run, of signed `/em help` posts to `url` (each with a response URL of its own). */
async function measure(name: string, url: string): Promise<Timing> {
  const send = (index: number) => {
    const body = slashCommandBody({
      text: 'help',
      responseUrl: slack.responseUrl(`${name}-${index}`),
      teamId: slack.team.id,
    });
    return fetch(`${url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...slackSignatureHeaders(body, SECRET),
      },
      body,
    });
  };
  await load(WARMUP, CONCURRENCY, (index) => send(REQUESTS + index));
  return load(REQUESTS, CONCURRENCY, send);
}

/** The reference: what Bolt alone costs, answering with the help message rendered once up front. */
async function measureBareBolt(): Promise<Timing> {
  const help = await runCommand({
    actor: { surface: 'slack', tenantId: slack.team.id, userId: 'U0ALICE' },
    name: 'help',
    args: [],
    rawArgs: '',
  });
  const reply = { response_type: 'ephemeral' as const, ...renderViewForSlack(help.view) };
  const receiver = new ExpressReceiver({ signingSecret: SECRET, logLevel: LogLevel.WARN });
  const app = new App({
    token: BOT_TOKEN,
    receiver,
    logLevel: LogLevel.WARN,
    clientOptions: { slackApiUrl: slack.apiUrl },
  });
  app.command('/em', async ({ ack }) => {
    await ack(reply);
  });
  const server = createServer(receiver.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('bare Bolt did not bind');
  try {
    return await measure('bolt', `http://127.0.0.1:${address.port}`);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function measureEmAgent(): Promise<Timing> {
  const server = await startTestServer(import.meta.url, {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    LOG_LEVEL: 'warn',
  });
  try {
    return await measure('em', `http://127.0.0.1:${server.port}`);
  } finally {
    await server.close();
  }
}

try {
  const bolt = await measureBareBolt();
  const em = await measureEmAgent();
  console.log(
    `${REQUESTS} requests (after ${WARMUP} warm-up), ${CONCURRENCY} concurrent, loopback, ` +
      `database backend ${process.env.TEST_DB_BACKEND ?? 'sqlite'}`,
  );
  console.log(formatTiming('bare Bolt /em help (ack)', bolt, 28));
  console.log(formatTiming('em-agent /em help (ack)', em, 28));
  console.log(`throughput em/bolt: ${(em.perSecond / bolt.perSecond).toFixed(2)}   (goal ≥ 0.80)`);
  console.log(`p50 em/bolt:        ${(em.p50 / bolt.p50).toFixed(2)}`);
  console.log(`p99 em/bolt:        ${(em.p99 / bolt.p99).toFixed(2)}   (goal ≤ 1.25)`);
} finally {
  await slack.http.stop();
}
