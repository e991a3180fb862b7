/**
 * The machine output of `plan draft --format json` and `plan check --format json` (docs/contract.md §5):
 * snake_case keys, targets as plain numbers (80% → 0.8, 4万 → 40000, 80亿元 → 80 with
 * unit_of_count 亿元). Beyond the contract's keys each commitment carries its id, name, starts,
 * tolerance, target source, reported items and the list of unsure fields, which a script needs
 * to write or check a plan.
 */
import type { PlanCheck } from "./checkPlan.ts";
import type { Commitment, Draft } from "./draftTypes.ts";

function commitmentJson(c: Commitment) {
  return {
    id: c.id,
    name: c.name,
    quote: c.quote,
    section: c.section,
    responsible: c.responsible,
    target: c.target,
    unit_of_count: c.unitWord || c.unitOfCount,
    plan_unit_of_count: c.unitOfCount,
    direction: c.direction,
    kind: c.kind,
    judged: c.judged,
    tolerance: c.tolerance,
    starts: c.starts,
    due: c.due,
    target_source: c.targetSource,
    target_from: c.targetFrom,
    items: c.items,
    confidence: c.confidence,
    unsure: c.unsure,
    why: c.why,
  };
}

export function draftJson(draft: Draft) {
  const { plan } = draft;
  return {
    plan: {
      id: plan.id,
      name: plan.name,
      district: plan.district,
      document: plan.document,
      title: plan.title,
      period: plan.period,
      policy: plan.policy,
      converted: plan.converted,
      why: plan.why,
    },
    commitments: draft.commitments.map(commitmentJson),
    funds: draft.funds.map((f) => ({
      quote: f.quote,
      section: f.section,
      responsible: f.responsible,
      words: f.words,
      amounts: f.amounts.map((a) => ({ value: a.value, unit_of_count: a.unitWord })),
    })),
    milestones: draft.milestones.map((m) => ({
      quote: m.quote,
      section: m.section,
      responsible: m.responsible,
      what: m.what,
      confidence: m.confidence,
    })),
    proposed_items: draft.proposedItems.map((p) => ({
      key: p.key,
      zh: p.zh,
      flow: p.flow,
      unit_of_count: p.unitWord,
      part_of: p.partOf,
    })),
  };
}

export function checkJson(check: PlanCheck) {
  return {
    missing: check.missing.map(commitmentJson),
    quotes_not_in_policy: check.quotesNotInPolicy,
    target_mismatch: check.targetMismatch,
    untracked: check.explained.map((e) => ({ ...commitmentJson(e.commitment), reason: e.reason })),
  };
}
