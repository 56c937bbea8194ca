/**
 * Webhook ingest throughput: signed GitHub deliveries through the real HTTP endpoint into the database (verify
 * signature, dedupe on the unique index, persist the raw delivery, ack), beside the raw driver's insertOne rate
 * of the same documents into the same database, measured in the same run, and the unordered insertMany rate
 * (100 per batch, one writer) as the ceiling of what the database takes for these documents.
 * Goal: ingest ≥ 0.5 × the raw insert rate, p99 ack latency < 50 ms at 100 concurrent senders.
 *   npm run bench -- bench/webhook-ingest.bench.ts      (REQUESTS and CONCURRENCY env vars adjust the load)
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { hmacSha256Hex } from '../data/sources/hmac.ts';
import { startTestServer } from '../test/support/server.ts';
import { benchHeader } from './support/backend.ts';

console.log(benchHeader());

const REQUESTS = Number(process.env.REQUESTS ?? 3_000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 100);
const SECRET = 'bench-webhook-secret';

interface Result {
  perSecond: number;
  p50: number;
  p99: number;
}

async function load(send: (index: number) => Promise<void>): Promise<Result> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        const index = next++;
        const sent = performance.now();
        await send(index);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { perSecond: REQUESTS / seconds, p50: at(0.5), p99: at(0.99) };
}

const format = (name: string, r: Result) =>
  `${name.padEnd(34)} ${r.perSecond.toFixed(0).padStart(7)} /s   p50 ${r.p50.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms`;

// A real pull_request delivery from GitHub's own examples (about 20 KB).
const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as {
  name: string;
  examples: unknown[];
}[];
const body = JSON.stringify(examples.find((group) => group.name === 'pull_request')!.examples[0]);
const signature = `sha256=${hmacSha256Hex(SECRET, body)}`;

const server = await startTestServer(import.meta.url, { GITHUB_WEBHOOK_SECRET: SECRET, LOG_LEVEL: 'warn' });
try {
  const raw = server.connection.db!.collection('bench_raw_inserts');
  const document = (deliveryId: string) => ({
    tenantId: 'demo',
    source: 'github',
    deliveryId,
    eventType: 'pull_request',
    action: 'opened',
    headers: { 'x-github-event': 'pull_request', 'user-agent': 'GitHub-Hookshot/bench' },
    body,
    verification: { verified: true, method: 'hmac-sha256' },
    receivedAt: new Date(),
    attempts: 0,
  });
  const insert = (prefix: string) => async () => {
    await raw.insertOne(document(`${prefix}-${randomUUID()}`));
  };
  const deliver = (prefix: string) => async () => {
    const response = await fetch(`${server.url}/webhooks/github`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'pull_request',
        'x-github-delivery': `${prefix}-${randomUUID()}`,
        'x-hub-signature-256': signature,
      },
      body,
    });
    await response.arrayBuffer();
    if (response.status !== 202) throw new Error(`delivery answered ${response.status}`);
  };
  // The database's own ceiling for these documents: unordered insertMany of 100 at a time, one writer.
  const insertManyRate = async () => {
    const started = performance.now();
    for (let sent = 0; sent < REQUESTS; sent += 100) {
      const batch = Array.from({ length: Math.min(100, REQUESTS - sent) }, () =>
        document(`m-${randomUUID()}`),
      );
      await raw.insertMany(batch, { ordered: false });
    }
    return REQUESTS / ((performance.now() - started) / 1000);
  };
  await load(insert('warm')); // warm-up, both paths
  await load(deliver('warm'));
  const baseline = await load(insert('b'));
  const ingest = await load(deliver('d'));
  const ceiling = await insertManyRate();
  console.log(
    `${REQUESTS} each, ${CONCURRENCY} concurrent, ${body.length} byte payload, one process on ${server.url}`,
  );
  console.log(format('raw driver insertOne', baseline));
  console.log(format('signed POST /webhooks/github (ack)', ingest));
  console.log(
    `${'raw driver insertMany, 100 per batch'.padEnd(34)} ${ceiling.toFixed(0).padStart(7)} /s   (one writer: the database's ceiling)`,
  );
  console.log(`ingest / raw insert rate: ${(ingest.perSecond / baseline.perSecond).toFixed(2)} (goal ≥ 0.5)`);
  console.log(`ack p99: ${ingest.p99.toFixed(1)} ms (goal < 50 ms)`);
} finally {
  await server.normalizer.idle();
  await server.close();
}
