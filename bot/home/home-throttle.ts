import type { Logger } from 'pino';

/** One person's home, by surface account: what a refresh publishes. */
export interface HomeKey {
  tenantId: string;
  userId: string;
}

export interface HomeThrottle {
  /** Publishes now (the person opened their home, or a click's answer); a pending trailing refresh is dropped. */
  publishNow(key: HomeKey, note?: string): Promise<void>;
  /**
   * Something on these homes changed: each is published at most once per interval, the last change by a
   * trailing refresh. Only homes opened since the process started are kept up to date; the others are built
   * fresh when opened.
   */
  changed(keys: readonly HomeKey[]): void;
  /** Every home of the tenant opened so far changed (a new or decided approval shows on all of them). */
  changedTenant(tenantId: string): void;
  /** Resolves once no publish is running or pending (tests). */
  idle(): Promise<void>;
  /** Drops pending refreshes (shutdown). */
  stop(): void;
}

export interface HomeThrottleOptions {
  publish(key: HomeKey, note?: string): Promise<void>;
  /**
   * Publishes many homes at once, their shared reads done once; event-driven refreshes that fall due within
   * `batchMs` of each other go through it together. Without it each is published alone.
   */
  publishMany?(keys: readonly HomeKey[]): Promise<void>;
  /** The least time between two event-driven publishes of one home (default a minute). */
  intervalMs?: number;
  /** How long a due refresh waits for others to share its batch (default a second). */
  batchMs?: number;
  now?: () => number;
  log: Logger;
}

interface HomeState {
  key: HomeKey;
  lastAt: number;
  timer?: NodeJS.Timeout;
  /** Publishes of this home run one after another, so an older view never lands after a newer one. */
  chain: Promise<void>;
}

const idOf = (key: HomeKey) => `${key.tenantId}|${key.userId}`;

/**
 * Per-person throttle of home publishes, in this process's memory: at most one event-driven publish per
 * person per interval, with a trailing one so the last change is shown. Several processes each keep their
 * own (each throttles the homes opened through it).
 */
export function createHomeThrottle(options: HomeThrottleOptions): HomeThrottle {
  const intervalMs = options.intervalMs ?? 60_000;
  const batchMs = options.batchMs ?? 1_000;
  const now = options.now ?? Date.now;
  const homes = new Map<string, HomeState>();
  /** Refreshes due, waiting for the batch to leave. */
  const due = new Map<string, HomeState>();
  let batchTimer: NodeJS.Timeout | undefined;
  /** One batch at a time: those due while it runs wait and go together next, not as many concurrent reads. */
  let batchRunning = false;
  let stopped = false;

  /** The interval counts from when a publish finished too, so Slack never sees two closer than it. */
  const finished = (states: readonly HomeState[]) => () => {
    const at = now();
    for (const state of states) state.lastAt = at;
  };

  function run(state: HomeState, note?: string): Promise<void> {
    state.lastAt = now();
    const next = state.chain
      .then(() =>
        options.publish(state.key, note).catch((error: unknown) => {
          options.log.warn({ err: error, tenantId: state.key.tenantId }, 'could not publish a home');
        }),
      )
      .then(finished([state]));
    state.chain = next;
    return next;
  }

  function runBatch() {
    batchTimer = undefined;
    if (batchRunning) return;
    const states = [...due.values()];
    due.clear();
    if (stopped || states.length === 0) return;
    batchRunning = true;
    const at = now();
    for (const state of states) state.lastAt = at;
    const keys = states.map((state) => state.key);
    const batch = Promise.all(states.map((state) => state.chain))
      .then(() => options.publishMany!(keys))
      .catch((error: unknown) => {
        options.log.warn({ err: error, homes: keys.length }, 'could not publish a batch of homes');
      })
      .then(finished(states))
      .then(() => {
        batchRunning = false;
        // Those that fell due meanwhile have waited long enough.
        if (!batchTimer) runBatch();
      });
    for (const state of states) state.chain = batch;
  }

  /** A refresh is due: published alone, or with the others due within `batchMs`. */
  function publishDue(state: HomeState) {
    if (!options.publishMany) {
      void run(state);
      return;
    }
    due.set(idOf(state.key), state);
    if (!batchTimer) {
      batchTimer = setTimeout(runBatch, batchMs);
      batchTimer.unref();
    }
  }

  function clearTimer(state: HomeState) {
    if (state.timer) clearTimeout(state.timer);
    delete state.timer;
    due.delete(idOf(state.key));
  }

  function refresh(state: HomeState) {
    if (stopped || state.timer || due.has(idOf(state.key))) return;
    const wait = state.lastAt + intervalMs - now();
    if (wait <= 0) {
      publishDue(state);
      return;
    }
    state.timer = setTimeout(() => {
      delete state.timer;
      // A publish that finished since moved the interval on: wait again if so.
      refresh(state);
    }, wait);
    state.timer.unref();
  }

  return {
    publishNow(key, note) {
      const id = idOf(key);
      const state = homes.get(id) ?? { key, lastAt: 0, chain: Promise.resolve() };
      homes.set(id, state);
      clearTimer(state);
      return run(state, note);
    },
    changed(keys) {
      for (const key of keys) {
        const state = homes.get(idOf(key));
        if (state) refresh(state);
      }
    },
    changedTenant(tenantId) {
      for (const state of homes.values()) if (state.key.tenantId === tenantId) refresh(state);
    },
    async idle() {
      for (;;) {
        const states = [...homes.values()];
        const chains = states.map((state) => state.chain);
        await Promise.all(chains);
        const pending = due.size > 0 || batchRunning || states.some((state) => state.timer);
        const moved = states.some((state, index) => state.chain !== chains[index]);
        if (!pending && !moved) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    stop() {
      stopped = true;
      if (batchTimer) clearTimeout(batchTimer);
      for (const state of homes.values()) clearTimer(state);
    },
  };
}
