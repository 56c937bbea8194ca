/** Closed-loop HTTP load for benchmarks: `concurrency` senders, each sending its next request when the last answered. */

export interface Timing {
  perSecond: number;
  p50: number;
  p99: number;
}

/** Throughput and latency quantiles (ms) of requests that took `latencies` within `seconds`. */
export function timingOf(latencies: number[], seconds: number): Timing {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { perSecond: sorted.length / seconds, p50: at(0.5), p99: at(0.99) };
}

/** Sends `count` requests, `concurrency` at a time; any answer that is not 2xx stops the benchmark. */
export async function load(
  count: number,
  concurrency: number,
  send: (index: number) => Promise<Response>,
): Promise<Timing> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
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
  return timingOf(latencies, (performance.now() - started) / 1000);
}

export function formatTiming(name: string, timing: Timing, width = 30): string {
  return `${name.padEnd(width)} ${timing.perSecond.toFixed(0).padStart(7)} req/s   p50 ${timing.p50.toFixed(2)} ms   p99 ${timing.p99.toFixed(2)} ms`;
}
