/**
 * Failed credentials, counted in memory so that a guesser is refused without anyone else being
 * touched. Each failure counts twice: against the client's address (an IPv6 address by its /64,
 * which one subscriber usually holds whole) and against the presented value itself, kept only as
 * a short hash. Only a request whose credential has already failed consults the counts: a valid
 * token or session is never limited, whatever others behind the same address do. Past either
 * budget within the window, a failing request is answered 429 instead of 401; failures refused
 * that way still count, so a guesser who keeps trying stays refused, and one who stops is let try
 * again once the window has passed. Memory is bounded: the least recently failing keys are
 * forgotten first. Time comes from the caller.
 */
import { createHash } from "node:crypto";

export interface FailureLimiterOptions {
  /** Failures an address may make in the window before its failures are refused; defaults to 10. */
  perAddress?: number;
  /** Failures one presented value may make in the window; defaults to 5. */
  perCredential?: number;
  /** Defaults to 15 minutes. */
  windowMs?: number;
  /** Keys remembered per kind before the stalest is dropped; defaults to 10,000. */
  maxKeys?: number;
}

/** The key an address is counted under: IPv4 as it is, IPv6 by its first 64 bits. */
function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!address.includes(":")) return address;
  const [head, tail = ""] = address.toLowerCase().split("%")[0].split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** A presented credential as the limiter keeps it: 16 bytes of its sha256, never the value. */
function credentialKey(presented: string): string {
  return createHash("sha256").update(presented, "utf8").digest("base64url").slice(0, 22);
}

class Window {
  readonly #times = new Map<string, number[]>();
  constructor(
    readonly budget: number,
    readonly windowMs: number,
    readonly maxKeys: number,
  ) {}

  /** Records a failure; seconds to wait when the budget was already spent before it, else 0. */
  fail(key: string, now: number): number {
    const kept = (this.#times.get(key) ?? []).filter((t) => now - t < this.windowMs);
    const spent = kept.length >= this.budget;
    kept.push(now);
    // only the latest `budget` failures decide when the next one is allowed again
    while (kept.length > this.budget) kept.shift();
    this.#times.delete(key);
    this.#times.set(key, kept);
    while (this.#times.size > this.maxKeys) this.#times.delete(this.#times.keys().next().value as string);
    return spent ? Math.max(1, Math.ceil((kept[0] + this.windowMs - now) / 1000)) : 0;
  }

  get size(): number {
    return this.#times.size;
  }
}

export class FailureLimiter {
  readonly perAddress: number;
  readonly perCredential: number;
  readonly windowMs: number;
  readonly #addresses: Window;
  readonly #credentials: Window;

  constructor(options: FailureLimiterOptions = {}) {
    this.perAddress = options.perAddress ?? 10; // a person mistyping does not reach it; a script soon does
    this.perCredential = options.perCredential ?? 5; // a revoked token left in a script stops at once
    this.windowMs = options.windowMs ?? 15 * 60_000;
    const maxKeys = options.maxKeys ?? 10_000;
    this.#addresses = new Window(this.perAddress, this.windowMs, maxKeys);
    this.#credentials = new Window(this.perCredential, this.windowMs, maxKeys);
  }

  /**
   * Records a failed credential (`presented` null when none could be read) from `address`;
   * returns the seconds the client should wait before failing again (0: answer it 401 as usual,
   * more: answer it 429).
   */
  fail(address: string, presented: string | null, now: number): number {
    const byAddress = this.#addresses.fail(addressKey(address), now);
    const byValue = presented === null ? 0 : this.#credentials.fail(credentialKey(presented), now);
    return Math.max(byAddress, byValue);
  }

  /** How many addresses and presented values are remembered (for tests of the memory bound). */
  get remembered(): { addresses: number; credentials: number } {
    return { addresses: this.#addresses.size, credentials: this.#credentials.size };
  }
}
