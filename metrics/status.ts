/**
 * What every metric kind computes for the district and for each unit, and the one comparison
 * they share: "at least" with a relative tolerance of 1e-9, so that a figure exactly on a
 * boundary (on pace, 90% of pace, 5 points below, 95% of a cap) lands on the side the contract
 * gives it despite floating-point rounding.
 */
import type { Status } from "./reportTypes.ts";

export interface Progress {
  actual: number | null;
  /** Where the figure should be by now; null where no pace applies (ratio, deadline, cap). */
  expected: number | null;
  /** actual / target; for a level, the share of the required increase achieved. */
  progress: number | null;
  /** The target is already reached (ratio, cap, deadline: the condition holds now). */
  met: boolean;
  status: Status;
}

const EPSILON = 1e-9;

/** a ≥ b, allowing for rounding. */
export function atLeast(a: number, b: number): boolean {
  return a >= b - EPSILON * Math.max(1, Math.abs(b));
}

/** a > b, beyond rounding. */
export function above(a: number, b: number): boolean {
  return a > b + EPSILON * Math.max(1, Math.abs(b));
}

export function ratioOf(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : a / b;
}

/** The progress of a figure that has no target. */
export function withoutTarget(actual: number | null): Progress {
  return { actual, expected: null, progress: null, met: false, status: "no_target" };
}
