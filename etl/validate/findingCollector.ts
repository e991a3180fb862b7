/**
 * Collects findings without letting one repeated problem drown the rest: a file of a million
 * rows with the same mistake on every row lists the first few hundred of that kind and one
 * summary finding with the count, while every other kind of problem is still listed.
 */
import { type Finding, finding } from "../../core/finding.ts";

/** Findings listed per code before the rest are only counted. */
const FINDINGS_PER_CODE = 200;

/** At most this many characters of a cell are quoted back in a message. */
const EXCERPT = 40;

/** A cell's text as quoted in a message: trimmed, one line, cut at 40 characters. */
export function excerpt(text: string): string {
  const oneLine = text.trim().replace(/\s+/g, " ");
  return oneLine.length > EXCERPT ? `${oneLine.slice(0, EXCERPT)}…` : oneLine;
}

export class FindingCollector {
  readonly #limit: number;
  readonly #listed: Finding[] = [];
  readonly #counts = new Map<string, number>();

  /** `limit` findings of each code are kept; defaults to FINDINGS_PER_CODE. */
  constructor(limit: number = FINDINGS_PER_CODE) {
    this.#limit = limit;
  }

  add(f: Finding): void {
    const count = (this.#counts.get(f.code) ?? 0) + 1;
    this.#counts.set(f.code, count);
    if (count <= this.#limit) this.#listed.push(f);
  }

  /**
   * When the code has reached its limit, counts one more finding of it and is true, so a hot loop
   * can skip building the message: `if (!errors.over(code)) errors.add(finding(…))`.
   */
  over(code: string): boolean {
    const count = this.#counts.get(code) ?? 0;
    if (count < this.#limit) return false;
    this.#counts.set(code, count + 1);
    return true;
  }

  /** Takes in another collector's findings and counts, as if they had been added here first. */
  absorb(other: FindingCollector): void {
    for (const f of other.#listed) this.#listed.push(f);
    for (const [code, count] of other.#counts) this.#counts.set(code, (this.#counts.get(code) ?? 0) + count);
  }

  get size(): number {
    let total = 0;
    for (const n of this.#counts.values()) total += n;
    return total;
  }

  /**
   * The listed findings in row order (file-level ones first, a row's findings in the order they
   * were found), then one summary per code that went over the limit.
   */
  list(): Finding[] {
    const out = this.#listed
      .map((f, i) => ({ f, i }))
      .sort((a, b) => (a.f.row ?? 0) - (b.f.row ?? 0) || a.i - b.i)
      .map(({ f }) => f);
    for (const [code, count] of this.#counts) {
      if (count <= this.#limit) continue;
      const more = count - this.#limit;
      out.push(
        finding(
          null,
          null,
          code,
          `同类问题（${code}）共 ${count} 处，以上只列出前 ${this.#limit} 处，另有 ${more} 处未列出。`,
          `${count} findings of this kind (${code}); the first ${this.#limit} are listed above, ${more} more are not.`,
        ),
      );
    }
    return out;
  }
}
