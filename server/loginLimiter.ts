/**
 * Failed sign-ins per client address, in memory: after `max` failures within `windowMs` the
 * address gets 429 until the oldest failure leaves the window. A successful login clears the
 * address's count. Time comes from the app's clock.
 */
export interface LoginLimiterOptions {
  /** Defaults to 10 failures. */
  max?: number;
  /** Defaults to 15 minutes. */
  windowMs?: number;
}

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  readonly max: number;
  readonly windowMs: number;

  constructor(options: LoginLimiterOptions = {}) {
    this.max = options.max ?? 10; // defaults to 10 failures
    this.windowMs = options.windowMs ?? 15 * 60_000; // defaults to 15 minutes
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Seconds until the address may try again; 0 when it may now. */
  retryAfter(key: string, now: number): number {
    const kept = this.recent(key, now);
    if (kept.length < this.max) return 0;
    return Math.max(1, Math.ceil((kept[kept.length - this.max] + this.windowMs - now) / 1000));
  }

  fail(key: string, now: number): void {
    const kept = this.recent(key, now);
    kept.push(now);
    this.failures.set(key, kept);
    // an address map that keeps growing is swept now and then
    if (this.failures.size > 10_000) for (const k of [...this.failures.keys()]) this.recent(k, now);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
