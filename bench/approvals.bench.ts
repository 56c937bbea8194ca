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
import { formatTiming, load, timingOf, type Timing } from './support/load.ts';
import { benchHeader } from './support/backend.ts';

console.log(benchHeader());

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

const format = (name: string, timing: Timing) => formatTiming(name, timing, 34);

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
  await load(200, CONCURRENCY, () => fetch(`${server.url}/v1/tenant`, { headers })); // warm-up
  const baseline = await load(PROPOSALS, CONCURRENCY, () => fetch(`${server.url}/v1/tenant`, { headers }));
  const proposals = await load(PROPOSALS, CONCURRENCY, propose);

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
  const decisions = timingOf(decisionLatencies, decisionSeconds);
  // What one click costs the database: the store's read of one approval by id, alone on the server.
  const stored = await server.models.Approval.countDocuments({ tenantId: 'demo' });
  const sample = await server.approvals.store.listPending('demo', 1);
  const lookupStarted = performance.now();
  for (let index = 0; index < 20; index += 1) await server.approvals.store.get('demo', sample[0]!.id);
  const lookupMs = (performance.now() - lookupStarted) / 20;
  const verified = await server.approvals.ledger.verify('demo');

  console.log(
    `${PROPOSALS} proposals, ${CONCURRENCY} concurrent; ${ROUNDS} rounds of ${APPROVERS} approvers on one approval`,
  );
  console.log(format('baseline GET /v1/tenant', baseline));
  console.log(format('POST /v1/actions/propose', proposals));
  console.log(`proposal throughput / baseline: ${(proposals.perSecond / baseline.perSecond).toFixed(2)}`);
  console.log(format(`decision, ${APPROVERS} approvers at once`, decisions));
  console.log(`one approval read by id, ${stored} stored: ${lookupMs.toFixed(2)} ms`);
  console.log(
    `exactly one winner per round: ${winnersOk ? 'yes' : 'NO'}; executions ${executions} for ${ROUNDS} approvals`,
  );
  console.log(`audit chain: ${verified.ok ? `intact, ${verified.count} entries` : 'BROKEN'}`);
  if (!winnersOk || executions !== ROUNDS || !verified.ok) process.exitCode = 1;
} finally {
  await server.close();
}
