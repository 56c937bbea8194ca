import { Worker } from 'node:worker_threads';
import type { ChartJob, ChartWorkerReply } from './chart-job.ts';

/** Draws charts to PNG in a worker thread (one, started on first use, restarted after a crash). */
export interface ChartRenderer {
  render(job: ChartJob): Promise<Buffer>;
  close(): Promise<void>;
}

// Run from the sources (.ts, Node's type stripping) or from the build (dist/…/.js).
const WORKER_URL = new URL(
  import.meta.url.endsWith('.ts') ? './chart-worker.ts' : './chart-worker.js',
  import.meta.url,
);

export function createChartRenderer(): ChartRenderer {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve(png: Buffer): void; reject(error: Error): void }>();
  const failAll = (error: Error) => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  const start = () => {
    const started = new Worker(WORKER_URL);
    // An idle worker must not keep the process alive.
    started.unref();
    started.on('message', (reply: ChartWorkerReply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      if ('error' in reply) job.reject(new Error(reply.error));
      else job.resolve(Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength));
    });
    started.on('error', (error) => {
      worker = undefined;
      failAll(error);
    });
    started.on('exit', (code) => {
      if (worker === started) worker = undefined;
      failAll(new Error(`chart worker exited (${code})`));
    });
    return started;
  };
  return {
    render(job) {
      worker ??= start();
      const id = (nextId += 1);
      const running = worker;
      running.ref();
      return new Promise<Buffer>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        running.postMessage({ id, job });
      }).finally(() => {
        if (pending.size === 0) running.unref();
      });
    },
    async close() {
      const running = worker;
      worker = undefined;
      await running?.terminate();
    },
  };
}
