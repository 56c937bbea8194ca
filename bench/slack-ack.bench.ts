/**
 * How fast the bot acknowledges signed Slack slash commands (verify signature, parse, route, ack), against
 * the cheapest request the same server answers (/healthz), measured in the same run on the same machine.
 * Goal: the ack path keeps p99 far below Slack's 3 s limit under concurrency; the ratio shows its cost.
 *   npm run bench -- bench/slack-ack.bench.ts      (REQUESTS and CONCURRENCY env vars adjust the load)
 */
import { FakeSlack } from '../test/fakes/slack-api.ts';
import { formatTiming, load as loadAll, type Timing } from './support/load.ts';
import { startTestServer } from '../test/support/server.ts';
import { slackSignatureHeaders, slashCommandBody } from '../test/support/slack-signing.ts';
import { benchHeader } from './support/backend.ts';

console.log(benchHeader());

const REQUESTS = Number(process.env.REQUESTS ?? 2_000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 20);
const SECRET = 'bench-signing-secret';

const load = (send: (index: number) => Promise<Response>): Promise<Timing> =>
  loadAll(REQUESTS, CONCURRENCY, send);
const format = (name: string, timing: Timing) => formatTiming(name, timing, 28);

const slack = new FakeSlack();
await slack.http.start();
const server = await startTestServer(import.meta.url, {
  SLACK_BOT_TOKEN: 'xoxb-bench',
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_API_URL: slack.apiUrl,
  LOG_LEVEL: 'warn',
});
try {
  await load(() => fetch(`${server.url}/healthz`)); // warm-up
  const baseline = await load(() => fetch(`${server.url}/healthz`));
  const ack = await load((index) => {
    const body = slashCommandBody({
      text: 'help',
      responseUrl: slack.responseUrl(`b${index}`),
      teamId: slack.team.id,
    });
    return fetch(`${server.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...slackSignatureHeaders(body, SECRET),
      },
      body,
    });
  });
  console.log(`${REQUESTS} requests, ${CONCURRENCY} concurrent, one process on ${server.url}`);
  console.log(format('baseline GET /healthz', baseline));
  console.log(format('signed /em help (ack)', ack));
  console.log(`ack throughput / baseline: ${(ack.perSecond / baseline.perSecond).toFixed(2)}`);
  console.log(`ack p99 vs Slack's 3000 ms limit: ${((ack.p99 / 3000) * 100).toFixed(1)}%`);
} finally {
  await server.close();
  await slack.http.stop();
}
