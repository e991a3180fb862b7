/**
 * Which catalogue a month is read with. The ingest is given, for each plan, the months it takes
 * (its period; the baseline month just before it is added by the month check) and the plan's
 * catalogue. A month belongs to the plan that ends first among those taking it or starting the
 * month after it: a month of two overlapping spans goes to the earlier plan, and a baseline month
 * to the plan whose period holds it, else to the plan it is the baseline of.
 */

import type { Catalogue } from "../../core/catalogue.ts";
import { previousMonth } from "../../core/month.ts";

export interface PlanSpan {
  first: string;
  last: string;
  catalogue: Catalogue;
}

/** The span a month is read with, or null when none takes it. */
export function spanFor<T extends { first: string; last: string }>(
  spans: readonly T[],
  month: string,
): T | null {
  let best: T | null = null;
  for (const s of spans) {
    if (month < previousMonth(s.first) || month > s.last) continue;
    if (best === null || s.last < best.last) best = s;
  }
  return best;
}

/**
 * The catalogue of a template: that of the month asked for (null when no plan takes it), or
 * without a month that of the current month's plan, else of the plan ending last.
 */
export function templateCatalogue(
  spans: readonly PlanSpan[],
  month: string | null,
  currentMonth: string,
): Catalogue | null {
  if (month !== null) return spanFor(spans, month)?.catalogue ?? null;
  const current = spanFor(spans, currentMonth);
  if (current) return current.catalogue;
  let last: PlanSpan | null = null;
  for (const s of spans) if (last === null || s.last > last.last) last = s;
  return last?.catalogue ?? null;
}
