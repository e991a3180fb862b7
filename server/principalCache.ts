/**
 * Who a bearer token or a session cookie stands for, remembered between requests: a page or a
 * burst of API calls asks the warehouse once, not once a request. An entry lasts until the
 * warehouse next commits a write (revoking a token, ending a session and signing in are writes),
 * until its session expires, and never longer than a minute. Failed look-ups are not kept.
 */
import type { Warehouse } from "../warehouse/db.ts";
import type { Principal } from "./tokens.ts";

interface Found {
  principal: Principal;
  /** When the credential stops being valid (ms since the epoch); Infinity for a token. */
  until: number;
}

const MAX_AGE_MS = 60_000;

export class PrincipalCache {
  readonly #entries = new Map<string, { found: Found; keptUntil: number }>();
  readonly #limit: number;
  #version = -1;

  constructor(limit = 1000) {
    this.#limit = limit;
  }

  /** The principal for `key` (a hash of the credential), from memory or by `lookup`. */
  async get(
    db: Warehouse,
    key: string,
    now: number,
    lookup: () => Promise<Found | null>,
  ): Promise<Principal | null> {
    if (db.version !== this.#version) {
      this.#entries.clear();
      this.#version = db.version;
    }
    const kept = this.#entries.get(key);
    if (kept && now < kept.keptUntil && now < kept.found.until) return kept.found.principal;
    this.#entries.delete(key);
    const version = db.version;
    const found = await lookup();
    if (!found || found.until <= now) return null;
    // a write committed while looking up may have changed the answer: use it, but do not keep it
    if (db.version === version && version === this.#version) {
      if (this.#entries.size >= this.#limit)
        this.#entries.delete(this.#entries.keys().next().value as string);
      this.#entries.set(key, { found, keptUntil: now + MAX_AGE_MS });
    }
    return found.principal;
  }
}
