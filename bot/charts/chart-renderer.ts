import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChartSize, ChartSpec } from '../../cards/charts/types.ts';

export interface ChartRenderer {
  renderPng(spec: ChartSpec, size: ChartSize): Promise<Buffer>;
  close(): Promise<void>;
}

type Pending = { resolve(png: Buffer): void; reject(error: Error): void };

/** The worker's file beside this one, `.ts` when run from source and `.js` when built. */
const workerUrl = () =>
  new URL(`./chart-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/**
 * Draws charts in one worker thread, started on first use and kept: the first chart pays for loading vega (about
 * a second), later ones only for drawing. A worker that dies fails what it had in hand and is started again next
 * time.
 */
export function createChartRenderer(): ChartRenderer {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, Pending>();

  function failAll(error: Error) {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  }

  function start(): Worker {
    const started = new Worker(workerUrl());
    started.on('message', ({ id, png, error }: { id: number; png?: Uint8Array; error?: string }) => {
      const waiting = pending.get(id);
      pending.delete(id);
      if (!waiting) return;
      if (png) waiting.resolve(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
      else waiting.reject(new Error(error ?? 'chart failed to render'));
    });
    started.on('error', (error) => failAll(error));
    started.on('exit', () => {
      if (worker === started) worker = undefined;
      failAll(new Error('the chart renderer stopped'));
    });
    // Idle, it must not keep the process alive.
    started.unref();
    return started;
  }

  return {
    renderPng(spec, size) {
      worker ??= start();
      const id = nextId++;
      const promise = new Promise<Buffer>((resolve, reject) => pending.set(id, { resolve, reject }));
      worker.ref();
      worker.postMessage({ id, spec, size });
      return promise.finally(() => {
        if (pending.size === 0) worker?.unref();
      });
    },
    async close() {
      const stopping = worker;
      worker = undefined;
      await stopping?.terminate();
    },
  };
}
