/**
 * em-agent's Slack ack path against a bare Bolt app under the same load, in the same run: 100 connections
 * posting signed `/em help` slash commands over loopback. The bare app is Bolt's `App` on an `ExpressReceiver`
 * acking with a static Block Kit reply (no database); em-agent starts as the tests start it, with Slack
 * configured against the local Slack fake, and does what its ack path must (verify the signature and replay
 * window, resolve the tenant, deliver the reply in the ack or through the response URL). Both are warmed up,
 * then measured one after the other, bare Bolt first, in ROUNDS rounds: on a shared machine the load drifts,
 * so each round's ratios compare neighbours in time and the median round is the figure to quote (the load
 * average, printed before and after, says how busy the machine was).
 * Goal: em-agent's throughput ≥ 0.8 × bare Bolt's and its p99 ≤ 1.25 × bare Bolt's.
 *   npm run bench -- bench/slack-ack-vs-bolt.bench.ts      (REQUESTS, WARMUP, ROUNDS, CONCURRENCY adjust it)
 */
import { createServer } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import { renderViewForSlack } from '../cards/slack/render-view.ts';
import { runCommand } from '../handlers/run-command.ts';
import { FakeSlack } from '../test/fakes/slack-api.ts';
import { startTestServer } from '../test/support/server.ts';
import { slackSignatureHeaders, slashCommandBody } from '../test/support/slack-signing.ts';
import { benchHeader } from './support/backend.ts';
import { formatTiming, load, type Timing } from './support/load.ts';

console.log(benchHeader());
const REQUESTS = Number(process.env.REQUESTS ?? 2_000);
const WARMUP = Number(process.env.WARMUP ?? 1_000);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 100);
const SECRET = 'bench-signing-secret';
const BOT_TOKEN = 'xoxb-bench';

const slack = new FakeSlack();
await slack.http.start();

/** Signed `/em help` posts to `url`, `count` of them, each with a response URL of its own. */
function loadSlashCommands(name: string, url: string, count: number): Promise<Timing> {
  let sent = 0;
  return load(count, CONCURRENCY, () => {
    const body = slashCommandBody({
      text: 'help',
      responseUrl: slack.responseUrl(`${name}-${sent++}`),
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
  });
}

/** The reference: what Bolt alone costs, answering with the help message rendered once up front. */
async function startBareBolt(): Promise<{ url: string; close(): Promise<void> }> {
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
  return {
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const bolt = await startBareBolt();
const em = await startTestServer(import.meta.url, {
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_API_URL: slack.apiUrl,
  LOG_LEVEL: 'warn',
});
const emUrl = `http://127.0.0.1:${em.port}`;
try {
  await loadSlashCommands('bolt-warm', bolt.url, WARMUP);
  await loadSlashCommands('em-warm', emUrl, WARMUP);
  console.log(
    `${ROUNDS} rounds of ${REQUESTS} requests each (after ${WARMUP} warm-up), ${CONCURRENCY} concurrent, loopback`,
  );
  const ratios: { throughput: number; p50: number; p99: number }[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const boltTiming = await loadSlashCommands(`bolt-${round}`, bolt.url, REQUESTS);
    const emTiming = await loadSlashCommands(`em-${round}`, emUrl, REQUESTS);
    const ratio = {
      throughput: emTiming.perSecond / boltTiming.perSecond,
      p50: emTiming.p50 / boltTiming.p50,
      p99: emTiming.p99 / boltTiming.p99,
    };
    ratios.push(ratio);
    console.log(`round ${round}`);
    console.log(`  ${formatTiming('bare Bolt /em help', boltTiming, 22)}`);
    console.log(`  ${formatTiming('em-agent /em help', emTiming, 22)}`);
    console.log(
      `  em/bolt: throughput ${ratio.throughput.toFixed(2)}   p50 ${ratio.p50.toFixed(2)}   p99 ${ratio.p99.toFixed(2)}`,
    );
  }
  const throughputs = ratios.map((ratio) => ratio.throughput);
  const p99s = ratios.map((ratio) => ratio.p99);
  const range = (values: number[]) =>
    `median ${median(values).toFixed(2)} (${Math.min(...values).toFixed(2)}-${Math.max(...values).toFixed(2)})`;
  console.log(`throughput em/bolt: ${range(throughputs)}   goal ≥ 0.80`);
  console.log(`p99 em/bolt:        ${range(p99s)}   goal ≤ 1.25`);
  console.log(`load average after: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
} finally {
  await em.close();
  await bolt.close();
  await slack.http.stop();
}
