import { setTimeout as sleep } from 'node:timers/promises';

export interface Pace {
  /** Resolves once it is this one's turn to send. */
  wait(): Promise<void>;
  /** Lets nothing go for `ms` (the server said Retry-After); those waiting go after, still spaced. */
  pauseFor(ms: number): void;
}

/**
 * A surface-wide pace: half a second's worth at once, then evenly spaced. Slack's and Teams' buckets hold
 * about a second's worth, so the half left over takes up network jitter.
 */
export const createSurfacePace = (perSecond: number): Pace =>
  createEvenPace(perSecond, Math.max(1, Math.floor(perSecond / 2)));

async function sleepUntil(at: number): Promise<void> {
  const ms = at - performance.now();
  if (ms > 0) await sleep(ms);
}

/**
 * At most `perSecond` sends, first come, first served: `burst` at once, then evenly spaced (GCRA). Keep the
 * burst below the server's bucket: what is left in it absorbs network jitter, where matching it exactly would
 * meet it empty.
 */
export function createEvenPace(perSecond: number, burst = 1): Pace {
  const interval = 1_000 / perSecond;
  const tolerance = (burst - 1) * interval;
  // The theoretical arrival time of the next send; it may go `tolerance` ahead of it.
  let due = 0;
  return {
    wait() {
      const now = performance.now();
      const at = Math.max(now, due - tolerance);
      due = Math.max(due, at) + interval;
      return sleepUntil(at);
    },
    pauseFor(ms) {
      due = Math.max(due, performance.now() + ms + tolerance);
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
