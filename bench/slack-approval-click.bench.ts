/**
 * How long a Slack approver waits after clicking Approve: Slack's acknowledgement (must stay far below its
 * 3 s limit) and the full round trip to the private answer (verify, resolve the decider, decide with a
 * conditional write, run the action, update the request, tell the requester, answer the clicker). The
 * baseline, measured in the same run, is the round trip of a signed `/em help` to its response URL.
 *   npm run bench -- bench/slack-approval-click.bench.ts      (REQUESTS and CONCURRENCY adjust the load)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APPROVAL_ACTIONS } from '../cards/slack/approval.ts';
import { FakeSlack } from '../test/fakes/slack-api.ts';
import { startTestServer } from '../test/support/server.ts';
import { buttonClick, postInteraction, slackUser } from '../test/support/slack-interactivity.ts';
import { slackSignatureHeaders, slashCommandBody } from '../test/support/slack-signing.ts';
import { benchHeader } from './support/backend.ts';

console.log(benchHeader());

const REQUESTS = Number(process.env.REQUESTS ?? 200);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 10);
const SECRET = 'bench-signing-secret';
const API_TOKEN = 'bench-api-token-0123456789abcdef';

interface Result {
  perSecond: number;
  p50: number;
  p99: number;
}

/** Runs `send` REQUESTS times, CONCURRENCY at once; `send` resolves with the latencies it measured. */
async function load(send: (index: number) => Promise<number>): Promise<Result> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) latencies.push(await send(next++));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { perSecond: REQUESTS / seconds, p50: at(0.5), p99: at(0.99) };
}

const format = (name: string, r: Result) =>
  `${name.padEnd(36)} ${r.perSecond.toFixed(0).padStart(6)} /s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms`;

const dir = mkdtempSync(path.join(os.tmpdir(), 'em-agent-bench-'));
const policyFile = path.join(dir, 'policy.yaml');
writeFileSync(
  policyFile,
  'actions:\n  deploy.tag: { risk: high, mode: require_approval }\ntiers:\n  high:\n    approvers: { users: [slack:U0BOB] }\n',
);
const slack = new FakeSlack();
await slack.http.start();
const server = await startTestServer(
  import.meta.url,
  {
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    POLICY_FILE: policyFile,
    API_TOKEN,
    LOG_LEVEL: 'warn',
  },
  { executors: { 'deploy.tag': async () => ({ summary: 'tagged' }) } },
);
const tenantId = slack.team.id;

async function propose(index: number): Promise<string> {
  const response = await fetch(`${server.url}/v1/actions/propose`, {
    method: 'POST',
    headers: { authorization: `Bearer ${API_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      action_type: 'deploy.tag',
      target_ref: `bench:${index}`,
      proposed_payload: { tag: `v${index}` },
      requester: 'slack:U0ALICE',
    }),
  });
  if (response.status !== 201) throw new Error(`propose answered ${response.status}`);
  return ((await response.json()) as { action_id: string }).action_id;
}

try {
  const ids: string[] = [];
  const proposals = await load(async (index) => {
    const sent = performance.now();
    ids[index] = await propose(index);
    return performance.now() - sent;
  });

  const help = await load(async (index) => {
    const body = slashCommandBody({
      text: 'help',
      responseUrl: slack.responseUrl(`h${index}`),
      teamId: tenantId,
    });
    const sent = performance.now();
    const response = await fetch(`${server.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...slackSignatureHeaders(body, SECRET),
      },
      body,
    });
    if (!response.ok) throw new Error(`/em help answered ${response.status}`);
    await slack.waitForResponse(`h${index}`, 10_000);
    return performance.now() - sent;
  });

  const acks: number[] = [];
  const clicks = await load(async (index) => {
    // Each click comes from its own channel, so its private answer can be told apart.
    const channel = `C0B${index}`;
    const sent = performance.now();
    const answered = slack.http.waitFor(
      (request) =>
        request.path === '/api/chat.postEphemeral' &&
        new URLSearchParams(request.body).get('channel') === channel,
      10_000,
    );
    const response = await postInteraction(
      server.url,
      SECRET,
      buttonClick({
        teamId: tenantId,
        user: slackUser('U0BOB'),
        actionId: APPROVAL_ACTIONS.approve,
        value: ids[index]!,
        in: { channel, messageTs: `1700000000.${index}` },
      }),
    );
    acks.push(performance.now() - sent);
    if (!response.ok) throw new Error(`click answered ${response.status}`);
    const answer = await answered;
    const text = new URLSearchParams(answer.body).get('text') ?? '';
    if (!text.startsWith('Approved and done')) throw new Error(`unexpected answer: ${text}`);
    return performance.now() - sent;
  });
  acks.sort((a, b) => a - b);
  const ackP99 = acks[Math.min(acks.length - 1, Math.floor(0.99 * acks.length))]!;

  console.log(`${REQUESTS} of each, ${CONCURRENCY} concurrent, one process on ${server.url}`);
  console.log(format('propose over the API (DMs posted)', proposals));
  console.log(format('baseline /em help → response URL', help));
  console.log(format('Approve click → private answer', clicks));
  console.log(
    `click ack p99: ${ackP99.toFixed(1)} ms (${((ackP99 / 3000) * 100).toFixed(1)}% of Slack's 3000 ms)`,
  );
  console.log(`click round trip p50 / help round trip p50: ${(clicks.p50 / help.p50).toFixed(2)}`);
} finally {
  await server.close();
  await slack.http.stop();
  rmSync(dir, { recursive: true, force: true });
}
