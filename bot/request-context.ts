import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface RequestContext {
  requestId: string;
  /** The approval trace this request works on, once known: every later log line of the request carries it. */
  traceId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` so that every log line written while it (and anything it awaits) runs carries `requestId`. */
export function runWithRequestContext<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Tags the rest of the current request (or job run) with an approval's trace id. */
export function joinTrace(traceId: string): void {
  const context = storage.getStore();
  if (context) context.traceId = traceId;
}

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Accepts a caller's id only when it is short and harmless in logs; otherwise mints one. */
export function chooseRequestId(supplied: unknown): string {
  return typeof supplied === 'string' && SAFE_REQUEST_ID.test(supplied) ? supplied : randomUUID();
}
