/**
 * Refusals of requests that nobody signed in for (no credential, a wrong token, a failed
 * sign-in) are recorded summarised: the first from an address opens a one-minute window, the
 * rest in that minute are only counted, and when the minute is over the window becomes one audit
 * row with the count. Anyone can send such requests as fast as the network allows; without this
 * each would cost a write, and a flood of them would slow every upload. The row keeps the first
 * request's action, status, code and address as an ordinary refusal row does, plus `requests`,
 * `first`, `last` and `statuses`; its attacker-chosen text is clipped short and its control
 * characters escaped. Windows are written when the next anonymous refusal comes after their
 * minute, when the audit trail is read, by the server's timer, and at shutdown. At most
 * `maxAddresses` windows are open at once; past that the oldest is written early.
 */
import { type AuditEntry, clipText } from "./audit.ts";

export interface AnonymousRefusal {
  at: Date;
  /** The client's address (as the trust-proxy setting reads it). */
  address: string;
  action: string;
  result: string;
  status: number;
  code: string;
  /** What was asked for, e.g. "GET /api/report"; null for a sign-in. */
  target: string | null;
  /** Further detail of the first request of the window (codes and counts, never request text). */
  detail?: Record<string, string | number>;
}

interface OpenWindow {
  first: AnonymousRefusal;
  last: Date;
  requests: number;
  statuses: Record<string, number>;
}

export class AnonymousAudit {
  readonly windowMs: number;
  readonly #open = new Map<string, OpenWindow>();
  readonly #write: (entries: AuditEntry[]) => Promise<void>;
  readonly #maxAddresses: number;

  constructor(
    write: (entries: AuditEntry[]) => Promise<void>,
    options: { windowMs?: number; maxAddresses?: number } = {},
  ) {
    this.#write = write;
    this.windowMs = options.windowMs ?? 60_000;
    this.#maxAddresses = options.maxAddresses ?? 10_000;
  }

  /** Counts a refusal; writes the windows whose minute is over (this address's included). */
  async note(refusal: AnonymousRefusal): Promise<void> {
    const address = clipText(refusal.address, 64);
    const due = this.#takeDue(refusal.at.getTime());
    const open = this.#open.get(address);
    if (open) {
      open.requests++;
      open.last = refusal.at;
      open.statuses[refusal.status] = (open.statuses[refusal.status] ?? 0) + 1;
    } else {
      this.#open.set(address, {
        first: { ...refusal, address },
        last: refusal.at,
        requests: 1,
        statuses: { [refusal.status]: 1 },
      });
      if (this.#open.size > this.#maxAddresses) {
        const oldest = this.#open.keys().next().value as string;
        due.push(this.#open.get(oldest)!);
        this.#open.delete(oldest);
      }
    }
    await this.#flush(due);
  }

  /** Writes the windows whose minute is over by `now`, or every open one with `all`. */
  async flush(now: Date, all = false): Promise<void> {
    const due = all ? [...this.#open.values()] : this.#takeDue(now.getTime());
    if (all) this.#open.clear();
    await this.#flush(due);
  }

  /** Windows not yet written (for tests). */
  get pending(): number {
    return this.#open.size;
  }

  #takeDue(now: number): OpenWindow[] {
    const due: OpenWindow[] = [];
    // windows are opened in time order, so the due ones are at the front
    for (const [address, open] of this.#open) {
      if (now - open.first.at.getTime() < this.windowMs) break;
      due.push(open);
      this.#open.delete(address);
    }
    return due;
  }

  async #flush(windows: OpenWindow[]): Promise<void> {
    if (!windows.length) return;
    await this.#write(
      windows.map(({ first, last, requests, statuses }) => ({
        at: first.at,
        actor: null,
        tokenId: null,
        role: null,
        action: first.action,
        target: first.target === null ? null : clipText(first.target, 80),
        result: first.result,
        detail: {
          ...first.detail,
          status: first.status,
          code: first.code,
          ip: first.address,
          requests,
          first: first.at.toISOString(),
          last: last.toISOString(),
          statuses,
        },
      })),
    );
  }
}
