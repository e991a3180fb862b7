/**
 * `plan check`: a plan against the policy it quotes. Three questions: which commitments of the
 * policy does the plan not track (and not explain in `untracked:`), which of the plan's quotes
 * are not in the policy (word for word, whitespace and Markdown emphasis aside), and which targets
 * differ from the figure of the sentence they quote. The policy's commitments are the draft's, so
 * the check is as good as the drafter: what the drafter marks unsure is reported as such.
 */
import type { Commitment, Draft } from "./draftTypes.ts";
import { comparable, type Simplifier } from "./plainText.ts";
import type { PlanCommitments } from "./planCommitments.ts";

interface TargetMismatch {
  id: string;
  quote: string;
  plan_target: number | null;
  policy_targets: number[];
}

export interface PlanCheck {
  missing: Commitment[];
  /** Commitments the plan leaves out with a reason (`untracked:`); not a failure. */
  explained: { commitment: Commitment; reason: { zh: string; en: string } }[];
  quotesNotInPolicy: { id: string; quote: string }[];
  targetMismatch: TargetMismatch[];
}

export function checkPlan(
  plan: PlanCommitments,
  draft: Draft,
  policyText: string,
  simplify: Simplifier,
): PlanCheck {
  const key = (text: string) => comparable(text, simplify);
  const policy = key(policyText);
  const taken = new Set<Commitment>();
  const bySentence = new Map<string, Commitment[]>();
  for (const c of draft.commitments) {
    const k = key(c.quote);
    bySentence.set(k, [...(bySentence.get(k) ?? []), c]);
  }

  const quotesNotInPolicy: PlanCheck["quotesNotInPolicy"] = [];
  const targetMismatch: TargetMismatch[] = [];
  for (const metric of plan.metrics) {
    const k = key(metric.quote);
    if (!k || !policy.includes(k)) {
      quotesNotInPolicy.push({ id: metric.id, quote: metric.quote });
      continue;
    }
    // an item tracked without a target quotes the sentence that names it; a figure elsewhere in
    // that sentence is another metric's target, never this one's
    if (metric.kind === "tracked") continue;
    // a quote may be a part of a sentence, or a sentence may be quoted with the next one
    const sentence = [...bySentence.entries()].filter(([s]) => s === k || s.includes(k) || k.includes(s));
    const candidates = sentence.flatMap(([, cs]) => cs);
    const open = candidates.filter((c) => !taken.has(c));
    const pick =
      open.find((c) => c.target !== null && metric.target !== null && same(c.target, metric.target)) ??
      open.find((c) => c.target === null && c.kind === metric.kind) ??
      open.find((c) => c.target === null && metric.kind === null);
    if (pick) {
      taken.add(pick);
      continue;
    }
    const figures = candidates.filter((c) => c.target !== null).map((c) => c.target as number);
    if (figures.length) {
      targetMismatch.push({
        id: metric.id,
        quote: metric.quote,
        plan_target: metric.target,
        policy_targets: figures,
      });
    }
  }

  const missing: Commitment[] = [];
  const explained: PlanCheck["explained"] = [];
  for (const c of draft.commitments) {
    if (taken.has(c)) continue;
    const reason = plan.untracked.find(
      (u) =>
        key(u.quote) === key(c.quote) &&
        (u.target === undefined ||
          (u.target === null ? c.target === null : c.target !== null && same(u.target, c.target))),
    )?.reason;
    if (reason) explained.push({ commitment: c, reason });
    else missing.push(c);
  }
  return { missing, explained, quotesNotInPolicy, targetMismatch };
}

/** Figures as the same number (0.6 from 60% and 0.6 typed in a plan). */
function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Whether the check found anything to fix (exit 1). */
export function checkFails(check: PlanCheck): boolean {
  return check.missing.length + check.quotesNotInPolicy.length + check.targetMismatch.length > 0;
}
