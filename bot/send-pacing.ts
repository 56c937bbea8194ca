import { setTimeout as sleep } from 'node:timers/promises';

export interface Pace {
  /** Resolves once it is this one's turn to send. */
  wait(): Promise<void>;
  /** Lets nothing go for `ms` (the server said Retry-After); those waiting go after, still spaced. */
  pauseFor(ms: number): void;
}

async function sleepUntil(at: number): Promise<void> {
  const ms = at - performance.now();
  if (ms > 0) await sleep(ms);
}

/**
 * At most `perSecond` sends, evenly spaced and first come, first served. No burst on purpose: the server's
 * bucket then stays full and absorbs network jitter, where sending in bursts would meet it empty.
 */
export function createEvenPace(perSecond: number): Pace {
  const interval = 1_000 / perSecond;
  let next = 0;
  return {
    wait() {
      const at = Math.max(performance.now(), next);
      next = at + interval;
      return sleepUntil(at);
    },
    pauseFor(ms) {
      next = Math.max(next, performance.now() + ms);
    },
  };
}

/**
 * Keeps sends to one key (a Slack channel) `intervalMs` apart, in arrival order, counted from when the previous
 * one was let go (after `then`, a wider pace), so a wait for the wider pace never squeezes two together.
 */
export function createKeyedSpacing(intervalMs: number) {
  const lastLetGo = new Map<string, Promise<number>>();
  return {
    async wait(key: string, then?: Pick<Pace, 'wait'>): Promise<void> {
      const previous = lastLetGo.get(key);
      let letGo: (at: number) => void = () => {};
      const mine = new Promise<number>((resolve) => (letGo = resolve));
      lastLetGo.set(key, mine);
      try {
        if (previous) await sleepUntil((await previous) + intervalMs);
        await then?.wait();
      } finally {
        letGo(performance.now());
        // Forget a quiet key, so thousands of direct-message channels are not remembered for ever.
        setTimeout(() => lastLetGo.get(key) === mine && lastLetGo.delete(key), intervalMs).unref();
      }
    },
  };
}
