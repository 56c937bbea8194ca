/**
 * Approvals under load, through the real REST API on one server and database:
 * 1. proposals per second (validate, evaluate the policy, store, append to the audit ledger, answer), beside
 *    the cheapest authenticated API call (GET /v1/tenant) measured in the same run;
 * 2. decision latency when 100 approvers decide one hot approval at once: p50/p99 over ROUNDS rounds, and a
 *    check that exactly one decision won each round and its action ran once.
 *   npm run bench -- bench/approvals.bench.ts     (PROPOSALS, CONCURRENCY, APPROVERS, ROUNDS adjust it)
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer } from '../test/support/server.ts';

const PROPOSALS = Number(process.env.PROPOSALS ?? 1_000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 20);
const APPROVERS = Number(process.env.APPROVERS ?? 100);
const ROUNDS = Number(process.env.ROUNDS ?? 10);
const TOKEN = 'bench-api-token-0123456789abcdefghij';

const approvers = Array.from(
  { length: APPROVERS },
  (_, index) => `slack:U0APPR${String(index).padStart(3, '0')}`,
);
const policy = `actions:
  incident.page: { risk: high, mode: require_approval }
tiers:
  high:
    approvers: { users: [${approvers.join(', ')}] }
`;

interface Timing {
  perSecond: number;
  p50: number;
  p99: number;
}

function quantiles(latencies: number[], seconds: number): Timing {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99) };
}

async function load(count: number, send: (index: number) => Promise<Response>): Promise<Timing> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const index = next++;
        const sent = performance.now();
        const response = await send(index);
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`request ${index} answered ${response.status}`);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  return quantiles(latencies, (performance.now() - started) / 1000);
}

const format = (name: string, t: Timing) =>
  `${name.padEnd(34)} ${t.perSecond.toFixed(0).padStart(6)} req/s   p50 ${t.p50.toFixed(2)} ms   p99 ${t.p99.toFixed(2)} ms`;

const dir = await mkdtemp(join(tmpdir(), 'em-bench-approvals-'));
await writeFile(join(dir, 'policy.yaml'), policy);
let executions = 0;
const server = await startTestServer(
  import.meta.url,
  { API_TOKEN: TOKEN, POLICY_FILE: join(dir, 'policy.yaml'), LOG_LEVEL: 'warn' },
  {
    executors: {
      'incident.page': async () => {
        executions += 1;
        return { summary: 'paged' };
      },
    },
  },
);
const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const propose = (index: number) =>
  fetch(`${server.url}/v1/actions/propose`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      action_type: 'incident.page',
      target_ref: `pagerduty:PSVC${index}`,
      proposed_payload: { service: 'checkout', message: `bench ${index}` },
      requester: 'api:bench',
    }),
  });

try {
  await load(200, () => fetch(`${server.url}/v1/tenant`, { headers })); // warm-up
  const baseline = await load(PROPOSALS, () => fetch(`${server.url}/v1/tenant`, { headers }));
  const proposals = await load(PROPOSALS, propose);

  const decisionLatencies: number[] = [];
  let decisionSeconds = 0;
  let winnersOk = true;
  for (let round = 0; round < ROUNDS; round += 1) {
    const { action_id: id } = (await (await propose(PROPOSALS + round)).json()) as { action_id: string };
    const started = performance.now();
    const statuses = await Promise.all(
      approvers.map(async (userId) => {
        const sent = performance.now();
        const response = await fetch(`${server.url}/v1/approvals/${id}/decision`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ decision: 'approve', decided_by: userId }),
        });
        await response.arrayBuffer();
        decisionLatencies.push(performance.now() - sent);
        return response.status;
      }),
    );
    decisionSeconds += (performance.now() - started) / 1000;
    const won = statuses.filter((status) => status === 200).length;
    const refused = statuses.filter((status) => status === 409).length;
    if (won !== 1 || refused !== APPROVERS - 1) {
      winnersOk = false;
      console.error(
        `round ${round}: statuses ${JSON.stringify(Object.fromEntries(Object.entries(Object.groupBy(statuses, String)).map(([k, v]) => [k, v?.length])))}`,
      );
    }
  }
  const decisions = quantiles(decisionLatencies, decisionSeconds);
  const verified = await server.approvals.ledger.verify('demo');

  console.log(
    `${PROPOSALS} proposals, ${CONCURRENCY} concurrent; ${ROUNDS} rounds of ${APPROVERS} approvers on one approval`,
  );
  console.log(format('baseline GET /v1/tenant', baseline));
  console.log(format('POST /v1/actions/propose', proposals));
  console.log(`proposal throughput / baseline: ${(proposals.perSecond / baseline.perSecond).toFixed(2)}`);
  console.log(format(`decision, ${APPROVERS} approvers at once`, decisions));
  console.log(
    `exactly one winner per round: ${winnersOk ? 'yes' : 'NO'}; executions ${executions} for ${ROUNDS} approvals`,
  );
  console.log(`audit chain: ${verified.ok ? `intact, ${verified.count} entries` : 'BROKEN'}`);
  if (!winnersOk || executions !== ROUNDS || !verified.ok) process.exitCode = 1;
} finally {
  await server.close();
}
