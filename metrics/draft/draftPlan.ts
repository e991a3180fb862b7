/**
 * A policy text → a draft plan: every quantified commitment with its guesses, the funds it names
 * (money tracked without a target) and its milestones (deliverables without a number). Pure: the
 * text, the catalogue and the simplifier come in; nothing is read or written here.
 */
import { bestMatch, type CaseCategory, type CatalogueItem } from "./catalogueMatch.ts";
import { commitmentOf } from "./commitmentOf.ts";
import { draftHeader } from "./draftHeader.ts";
import type { Commitment, Draft, Fund, Milestone, ProposedItem } from "./draftTypes.ts";
import { type Found, findTargets, type MoneyMention } from "./findTargets.ts";
import { isTraditional, plainOf, type Simplifier } from "./plainText.ts";
import { policyBlocks } from "./policyBlocks.ts";
import { type PolicySentence, policyOutline } from "./policySentences.ts";
import { FUND_WORDS, MILESTONE, MILESTONE_SURE, MILESTONE_WEAK } from "./targetWords.ts";

interface DraftOptions {
  catalogue: readonly CatalogueItem[];
  caseCategories: readonly CaseCategory[];
  simplify: Simplifier;
  /** The policy's path as the user gave it (kept in the plan's `policy:`). */
  policy: string;
  /** This year: the plan's year when the policy names none. */
  year: number;
  /** The catalogue file the items come from, as the plan it belongs to names it: the draft's `catalogue:`. */
  catalogueFile: string | null;
}

export function draftPlan(text: string, options: DraftOptions): Draft {
  const { simplify, catalogue, caseCategories } = options;
  const outline = policyOutline(policyBlocks(text, simplify));
  const perSentence = outline.sentences.map((sentence) => ({ sentence, ...findTargets(sentence.plain) }));
  const targetYears = perSentence.flatMap(({ sentence, found }) =>
    found.length ? [...sentence.plain.matchAll(/(\d{4})\s?年(?![\d届])/g)].map((m) => Number(m[1])) : [],
  );
  const header = draftHeader({
    outline,
    plain: text
      .split("\n")
      .map((line) => plainOf(line, simplify))
      .join("\n"),
    targetYears: targetYears.filter((y) => y >= 1990 && y <= 2100),
    policy: options.policy,
    fileName: options.policy,
    year: options.year,
    converted: isTraditional(text, simplify),
  });

  const proposedItems: ProposedItem[] = [];
  const propose = (item: Omit<ProposedItem, "key">) => {
    const same = proposedItems.find((p) => p.zh === item.zh && p.partOf === item.partOf);
    if (same) return same.key;
    const key = `new_item_${proposedItems.length + 1}`;
    proposedItems.push({ key, ...item });
    return key;
  };
  const context = {
    catalogue,
    caseCategories,
    period: header.period,
    documentYear: header.documentYear,
    propose,
  };

  const commitments: Commitment[] = [];
  const funds: Fund[] = [];
  const milestones: Milestone[] = [];
  for (const { sentence, found, money } of perSentence) {
    for (const f of found) {
      const c = commitmentOf(f, sentence, context);
      if (sentence.background) {
        c.why.push({
          field: "section",
          confidence: "low",
          words: [sentence.section ?? ""],
          zh: "所在章节描述现状，可能不是目标",
          en: "the section describes the present; this may not be a target",
        });
        c.confidence = "low";
        c.unsure = [...new Set([...c.unsure, "section"])];
      }
      commitments.push(named(c, f, catalogue, caseCategories));
    }
    const fund = fundOf(sentence, money);
    if (fund) funds.push(fund);
    milestones.push(...milestonesOf(sentence));
  }
  uniqueIds(commitments);
  const { documentYear: _year, ...plan } = header;
  return { plan, commitments, funds, milestones, proposedItems, catalogueFile: options.catalogueFile };
}

/** The commitment's id and names, from its items (or its own words when the items are proposals). */
function named(
  c: Commitment,
  found: Found,
  catalogue: readonly CatalogueItem[],
  categories: readonly CaseCategory[],
): Commitment {
  const item = (role: string) => {
    const use = c.items.find((i) => i.role === role);
    return use && !use.proposed ? catalogue.find((x) => x.key === use.key) : undefined;
  };
  const strip = (zh: string) => zh.replace(/^其中/, "");
  if (c.kind === "deadline") {
    const use = c.items[0];
    const category =
      categories.find((k) => k.key === use?.key) ?? bestMatch(found.who ?? "", categories)?.item;
    const limit = found.words[0] ?? "";
    c.id = use && !use.proposed ? `${use.key}_deadline` : "deadline";
    c.name = {
      zh: `${found.who ?? found.subject}${limit}就业`,
      en: category ? `${category.en} employed within the time limit` : "Employed within the time limit",
    };
  } else if (c.kind === "ratio") {
    const numerator = item("numerator");
    const denominator = item("denominator");
    const parent = found.parent ?? denominator?.zh ?? found.subject;
    const child = found.child ?? (numerator ? strip(numerator.zh) : "");
    c.id = `${c.items.find((i) => i.role === "numerator")?.key ?? "target"}_share`;
    c.name = {
      zh: found.rule === "rate" && !found.parent ? found.subject : `${parent}中${child}的比例`,
      en:
        numerator && denominator
          ? `${denominator.en ?? denominator.key}: ${numerator.en ?? numerator.key} (share)`
          : `Share: ${found.subject}`,
    };
  } else {
    const indicator = item("indicator");
    c.id = c.items.find((i) => i.role === "indicator")?.key ?? "target";
    c.name = { zh: displayName(found.subject), en: indicator?.en ?? `Target: ${found.subject}` };
  }
  if (!c.name.en || /[\p{Script=Han}]/u.test(c.name.en)) {
    c.why.push({
      field: "name",
      confidence: "medium",
      words: [],
      zh: "英文名称待填写",
      en: "the English name is to be written",
    });
    c.unsure = [...new Set([...c.unsure, "name"])];
    if (c.confidence === "high") c.confidence = "medium";
  }
  return c;
}

/** A subject as a name: without the verbs of manner a policy puts in front (加快, 推动 …). */
function displayName(subject: string): string {
  return subject.replace(/^(?:加快|加大|推进|推动|全力|积极|大力|切实|进一步)+/, "") || subject;
}

function uniqueIds(commitments: Commitment[]): void {
  const seen = new Map<string, number>();
  for (const c of commitments) {
    const n = (seen.get(c.id) ?? 0) + 1;
    seen.set(c.id, n);
    if (n > 1) c.id = `${c.id}_${n}`;
  }
}

function fundOf(sentence: PolicySentence, money: MoneyMention[]): Fund | null {
  const words = [...new Set(sentence.plain.match(new RegExp(FUND_WORDS.source, "g")) ?? [])];
  if (!words.length && !money.length) return null;
  return {
    quote: sentence.text,
    section: sentence.section,
    responsible: sentence.responsible,
    words,
    amounts: money.map((m) => ({ value: m.value, unitWord: m.unitWord })),
  };
}

function milestonesOf(sentence: PolicySentence): Milestone[] {
  const out: Milestone[] = [];
  for (const m of sentence.plain.matchAll(MILESTONE)) {
    const verb = m.groups?.verb ?? "";
    const closing = /^[”」』]/.test(sentence.plain.slice(m.index + m[0].length)) ? 1 : 0;
    const what = sentence.text.slice(m.index, m.index + m[0].length + closing);
    const clauseStart = Math.max(...[",", ";", "。"].map((b) => sentence.plain.lastIndexOf(b, m.index)));
    const lead = sentence.plain.slice(clauseStart + 1, m.index);
    out.push({
      quote: sentence.text,
      section: sentence.section,
      responsible: sentence.responsible,
      what,
      confidence: MILESTONE_WEAK.test(lead) ? "low" : MILESTONE_SURE.test(verb) ? "high" : "medium",
    });
  }
  return out;
}
