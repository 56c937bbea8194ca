/** A token bucket, as rate-limited APIs keep one: refilled at `perSecond`, holding at most `capacity`. */
export class TokenBucket {
  readonly perSecond: number;
  readonly capacity: number;
  #tokens: number;
  #at = performance.now();

  constructor(perSecond: number, capacity = perSecond) {
    this.perSecond = perSecond;
    this.capacity = capacity;
    this.#tokens = capacity;
  }

  #refill(): void {
    const now = performance.now();
    this.#tokens = Math.min(this.capacity, this.#tokens + ((now - this.#at) / 1_000) * this.perSecond);
    this.#at = now;
  }

  /** Whether a request may go now (without taking its token: another bucket may still refuse it). */
  hasToken(): boolean {
    this.#refill();
    return this.#tokens >= 1;
  }

  take(): void {
    this.#refill();
    this.#tokens -= 1;
  }

  /** Whole seconds until the next token, as a Retry-After header says it (at least 1). */
  retryAfterSeconds(): number {
    this.#refill();
    return Math.max(1, Math.ceil((1 - this.#tokens) / this.perSecond));
  }
}

/** One bucket per key (a channel, a tenant), made on first use. */
export class TokenBuckets {
  #buckets = new Map<string, TokenBucket>();
  #make: () => TokenBucket;

  constructor(perSecond: number, capacity = perSecond) {
    this.#make = () => new TokenBucket(perSecond, capacity);
  }

  of(key: string): TokenBucket {
    let bucket = this.#buckets.get(key);
    if (!bucket) this.#buckets.set(key, (bucket = this.#make()));
    return bucket;
  }
}
