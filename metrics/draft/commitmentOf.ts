/**
 * A target found in a sentence → a commitment of the draft plan: the reported items it reads
 * (matched by name in the catalogue, or proposed), its kind (cumulative / level / cap / ratio /
 * deadline), how it is judged (pace / by_due / always) and with what tolerance, when it starts and
 * is due, its unit of count and its responsible bodies. Every guess records how sure it is and
 * the words that decided it; the commitment is as sure as its least sure guess.
 */
import type { MetricKind } from "../reportTypes.ts";
import {
  bestMatch,
  type CaseCategory,
  type CatalogueItem,
  type ItemMatch,
  matchConfidence,
  similarity,
} from "./catalogueMatch.ts";
import { commitmentTime } from "./commitmentTime.ts";
import type { Commitment, Confidence, ItemUse, Judged, ProposedItem, Reason } from "./draftTypes.ts";
import type { Found } from "./findTargets.ts";
import type { PolicySentence } from "./policySentences.ts";
import {
  DIRECTION_AFTER,
  DIRECTION_BEFORE,
  FLOW_WORDS,
  LEVEL_WORDS,
  POST_WORDS,
  VILLAGE_WORDS,
} from "./targetWords.ts";

interface CommitmentContext {
  catalogue: readonly CatalogueItem[];
  caseCategories: readonly CaseCategory[];
  period: { first: string; last: string };
  documentYear: number | null;
  /** Adds a proposed item and returns its key (the draft numbers them). */
  propose: (item: Omit<ProposedItem, "key">) => string;
}

const RANK: Record<Confidence, number> = { high: 2, medium: 1, low: 0 };
const SURE_WORDS = /确保|全部|所有|每个|每一个|全覆盖/;

export function commitmentOf(found: Found, sentence: PolicySentence, ctx: CommitmentContext): Commitment {
  const why: Reason[] = [];
  const reason = (field: string, confidence: Confidence, words: string[], zh: string, en: string) =>
    why.push({ field, confidence, words: words.filter(Boolean), zh, en });

  // the figure and where it comes from
  const deferred = found.value === null;
  if (deferred) {
    const relative = found.shape === "relative";
    reason(
      "target",
      "low",
      found.words,
      relative
        ? "原文以上年水平为目标，没有数字：请填入上年实际数。"
        : "原文把数字交给上级下达，没有写出：请填入下达的目标。",
      relative
        ? "the policy sets last year's level as the target, without a figure: enter last year's actual."
        : "the policy leaves the figure to an assignment from above: enter the assigned target.",
    );
  } else {
    reason("target", found.confidence, found.words, found.ruleZh, found.ruleEn);
  }
  const dirWord = [...DIRECTION_BEFORE, ...DIRECTION_AFTER].find((d) => found.words.includes(d.word))?.word;
  const dirZh =
    found.direction === "at_most"
      ? "不超过（上限）"
      : found.direction === "above"
        ? "大于（不含本数）"
        : "不少于（含本数）";
  const dirEn =
    found.direction === "at_most"
      ? "at most (a cap)"
      : found.direction === "above"
        ? "above (not equal)"
        : "at least";
  reason(
    "direction",
    found.directionConfidence,
    dirWord ? [dirWord] : [],
    found.directionConfidence === "high"
      ? dirZh
      : dirWord
        ? `“${dirWord}”：按${dirZh}理解`
        : `未见方向词：按${dirZh}理解`,
    found.directionConfidence === "high"
      ? dirEn
      : dirWord
        ? `“${dirWord}” read as ${dirEn}`
        : `no word of direction: read as ${dirEn}`,
  );

  // what is read, and so the kind
  const items: ItemUse[] = [];
  let kind: MetricKind;
  let reporters: string[] | null = null;
  if (found.shape === "deadline") {
    kind = "deadline";
    const match = bestMatch(found.who ?? found.subject, ctx.caseCategories);
    const sure = matchConfidence(match);
    if (match && sure) {
      items.push(use("case_category", match.item.key, match.item.zh, match));
      reporters = [...match.item.reporters];
      reason(
        "items",
        sure,
        [found.who ?? ""],
        `台账类别「${match.item.zh}」`,
        `ledger category ${match.item.key}`,
      );
    } else {
      const key = ctx.propose({
        zh: found.who ?? found.subject,
        flow: "stock",
        unitWord: "户",
        partOf: null,
      });
      items.push({ role: "case_category", key, zh: found.who ?? found.subject, proposed: true, score: null });
      reason(
        "items",
        "low",
        [found.who ?? ""],
        "台账中没有此类别：提议新增",
        "no such ledger category: proposed",
      );
    }
    reason(
      "kind",
      found.confidence,
      found.words,
      "在规定时限内就业的比例（时限类）",
      "the share employed within the time limit (deadline)",
    );
  } else if (found.shape === "share" || found.shape === "coverage") {
    const cap = found.direction === "at_most";
    if (cap) {
      kind = "cap";
      // a rate held within a limit is a share: only an item that is itself a share can be it
      const shares = totals(ctx.catalogue, "stock").filter((i) => i.unitOfCount === "share");
      const match = bestMatch(found.subject, shares);
      items.push(itemOrProposal("indicator", found.subject, match, "stock", "%", null, ctx, reason));
      reason("kind", "high", found.words, "比率控制在…以内：上限类", "a rate held within a limit: a cap");
    } else {
      kind = "ratio";
      const parentText = found.parent ?? found.subject;
      const childText = found.child ?? found.subject;
      const withParts = ctx.catalogue.filter((i) => ctx.catalogue.some((c) => c.partOf === i.key));
      const parentMatch = found.parent || found.child ? bestMatch(parentText, withParts) : null;
      const parentSure = matchConfidence(parentMatch);
      if (parentMatch && parentSure) {
        const parts = ctx.catalogue.filter((c) => c.partOf === parentMatch.item.key);
        // a total with one part: the part is the numerator, however the policy words it
        const only = parts.length === 1;
        const childMatch: ItemMatch<CatalogueItem> | null = only
          ? { item: parts[0], score: similarity(childText, parts[0].zh), runnerUp: 0 }
          : bestMatch(childText, parts);
        const childSure: Confidence | null = only
          ? (childMatch?.score ?? 0) >= 0.5
            ? "high"
            : "medium"
          : matchConfidence(childMatch);
        if (childMatch && childSure) {
          items.push(use("numerator", childMatch.item.key, childMatch.item.zh, childMatch));
          items.push(use("denominator", parentMatch.item.key, parentMatch.item.zh, parentMatch));
          const sure = RANK[parentSure] < RANK[childSure] ? parentSure : childSure;
          reason(
            "items",
            sure,
            [parentText, childText],
            `分母「${parentMatch.item.zh}」，分子「${childMatch.item.zh}」`,
            `denominator ${parentMatch.item.key}, numerator ${childMatch.item.key}`,
          );
        } else {
          items.push(
            proposal("numerator", `${parentMatch.item.zh}中${childText}`, ctx, parentMatch.item.key),
          );
          items.push(use("denominator", parentMatch.item.key, parentMatch.item.zh, parentMatch));
          reason(
            "items",
            "low",
            [childText],
            "分子在统计项中没有：提议新增",
            "no reported item for the numerator: proposed",
          );
        }
      } else {
        const denominatorKey = ctx.propose({
          zh: denominatorName(found),
          flow: "stock",
          unitWord: "",
          partOf: null,
        });
        items.push(proposal("numerator", numeratorName(found), ctx, denominatorKey));
        items.push({
          role: "denominator",
          key: denominatorKey,
          zh: denominatorName(found),
          proposed: true,
          score: null,
        });
        reason(
          "items",
          "low",
          [parentText, childText],
          "统计项中没有对应的分子分母：提议新增",
          "no reported items match: proposed",
        );
      }
      reason(
        "kind",
        found.shape === "coverage" ? "high" : found.confidence,
        found.words,
        found.shape === "coverage" ? "全部 / 每个：覆盖比例（比例类，目标100%）" : "比例类：分子 / 分母",
        found.shape === "coverage"
          ? "all / every: a coverage share (ratio, target 100%)"
          : "a ratio: numerator / denominator",
      );
    }
  } else {
    const match = bestMatch(found.subject, totals(ctx.catalogue));
    const sure = matchConfidence(match);
    const item = match && sure ? match.item : null;
    if (found.direction === "at_most") {
      kind = "cap";
      reason("kind", "high", found.words, "控制在…以内 / 不超过：上限类", "held within / at most: a cap");
    } else if (item) {
      kind = item.flow === "flow" ? "cumulative" : "level";
      reason(
        "kind",
        sure ?? "medium",
        [item.zh],
        item.flow === "flow"
          ? `统计项「${item.zh}」按月报送本月数：累计类`
          : `统计项「${item.zh}」为期末数：期末水平类`,
        item.flow === "flow"
          ? `${item.key} is reported as a monthly flow: cumulative`
          : `${item.key} is a month-end level: level`,
      );
    } else if (LEVEL_WORDS.test(found.subject)) {
      kind = "level";
      reason(
        "kind",
        "medium",
        [LEVEL_WORDS.exec(found.subject)?.[0] ?? ""],
        "总量 / 规模 / 人数：期末水平类",
        "a total or headcount: level",
      );
    } else {
      kind = "cumulative";
      const flowWord = FLOW_WORDS.exec(found.subject)?.[0];
      reason(
        "kind",
        flowWord ? "medium" : "low",
        flowWord ? [flowWord] : [],
        flowWord ? `“${flowWord}”是一年中逐月发生的：累计类` : "未见说明总量或新增的词：按累计类猜测",
        flowWord
          ? `“${flowWord}” happens month by month: cumulative`
          : "no word says total or new: guessed cumulative",
      );
    }
    const flow = kind === "cumulative" ? "flow" : "stock";
    items.push(itemOrProposal("indicator", found.subject, match, flow, found.unitWord, null, ctx, reason));
  }

  // how it is judged
  const time = commitmentTime(sentence.plain, found.end, ctx.period, ctx.documentYear);
  const sureWords = sentence.plain.match(new RegExp(SURE_WORDS.source, "g")) ?? [];
  let judged: Judged;
  let tolerance: number | null = null;
  if (kind === "cumulative" || kind === "level") {
    judged = "pace";
    reason(
      "judged",
      "high",
      [],
      "累计与期末水平类按序时进度考核",
      "cumulative and level targets are judged against pace",
    );
  } else if (kind === "cap" || kind === "deadline" || found.shape === "coverage") {
    judged = "always";
    reason(
      "judged",
      "high",
      found.words,
      kind === "cap"
        ? "上限须每月守住"
        : kind === "deadline"
          ? "时限规则每月都须做到"
          : "全部 / 每个：每月都须做到",
      kind === "cap"
        ? "a cap must hold every month"
        : kind === "deadline"
          ? "a deadline rule must hold every month"
          : "all / every: must hold every month",
    );
  } else if (found.value === 1 && sureWords.length) {
    judged = "always";
    reason(
      "judged",
      "high",
      sureWords,
      "确保全部达到：每月都须做到",
      "all of them, assured: must hold every month",
    );
  } else if (time.dueWords.length) {
    judged = "by_due";
    reason(
      "judged",
      "high",
      time.dueWords,
      `“${time.dueWords[0]}”：到期末达标`,
      `“${time.dueWords[0]}”: must hold by the due month`,
    );
  } else {
    judged = "by_due";
    reason(
      "judged",
      "medium",
      time.startsWords,
      "未写时点的比例：按到期末达标猜测",
      "a share with no time stated: guessed to be judged by the due month",
    );
  }
  if (judged === "always" && (kind === "ratio" || kind === "deadline")) {
    tolerance = sureWords.length ? 0 : 0.05;
    reason(
      "tolerance",
      sureWords.length ? "high" : "low",
      sureWords,
      sureWords.length
        ? `“${sureWords[0]}”：任何差额都是未达标（容差0）`
        : "原文未说“确保 / 全部 / 每个”：容差5%为猜测",
      sureWords.length
        ? `“${sureWords[0]}”: any shortfall is a miss (tolerance 0)`
        : "no 确保 / 全部 / 每个 in the text: a 5% tolerance is a guess",
    );
  }
  reason(
    "due",
    time.dueConfidence,
    time.dueWords,
    time.dueWords.length ? `“${time.dueWords[0]}”` : "原文未写时点：取计划期末（默认）",
    time.dueWords.length
      ? `“${time.dueWords[0]}”`
      : "no time in the text: the period's last month (the default)",
  );
  if (time.startsWords.length) {
    reason(
      "starts",
      time.startsConfidence,
      time.startsWords,
      "应届毕业生6–7月离校：自7月起计",
      "the cohort leaves school in June–July: from July",
    );
  }

  // unit of count
  const unitOfCount = planUnit(found, items, ctx.catalogue, kind);
  if (!["persons", "posts", "villages", "100m_cny", "share"].includes(unitOfCount)) {
    reason(
      "unit_of_count",
      "low",
      [found.unitWord],
      `计数单位“${found.unitWord}”不在计划的单位中`,
      `the counting word “${found.unitWord}” is not one of the plan's units`,
    );
  }

  // who answers for it
  if (sentence.responsible.length) {
    reason(
      "responsible",
      "high",
      sentence.responsible.slice(0, 1),
      "本节所列责任单位，首列者牵头",
      "the bodies listed for the section; the first leads",
    );
  } else {
    reason(
      "responsible",
      "low",
      [],
      "本节未列责任单位：请补上",
      "the section lists no responsible bodies: add them",
    );
  }

  const confidence = why.reduce<Confidence>(
    (low, r) => (RANK[r.confidence] < RANK[low] ? r.confidence : low),
    "high",
  );
  const unsure = [...new Set(why.filter((r) => r.confidence !== "high").map((r) => r.field))];
  return {
    id: "",
    name: { zh: "", en: "" },
    quote: sentence.text,
    section: sentence.section,
    responsible: sentence.responsible,
    target: found.value,
    unitWord: found.unitWord,
    unitOfCount,
    direction: found.direction,
    kind,
    judged,
    tolerance,
    starts: time.starts,
    due: time.due,
    // last year's level is the policy's own target, read from last year's reports; a figure the
    // policy leaves to an assignment from above is not
    targetSource:
      deferred && found.shape !== "relative"
        ? { kind: "assigned", note: "上级下达（原文未给数字）" }
        : { kind: "policy", note: null },
    targetFrom: found.shape === "relative" ? "previous_year" : null,
    items,
    reporters,
    confidence,
    unsure,
    why,
    clause: sentence.text.slice(found.start, found.end),
  };
}

function use(role: ItemUse["role"], key: string, zh: string, match: ItemMatch<unknown>): ItemUse {
  return { role, key, zh, proposed: false, score: Math.round(match.score * 100) / 100 };
}

function proposal(role: ItemUse["role"], zh: string, ctx: CommitmentContext, partOf: string | null): ItemUse {
  const key = ctx.propose({ zh, flow: "stock", unitWord: "", partOf });
  return { role, key, zh, proposed: true, score: null };
}

function itemOrProposal(
  role: ItemUse["role"],
  phrase: string,
  match: ItemMatch<CatalogueItem> | null,
  flow: "flow" | "stock",
  unitWord: string,
  partOf: string | null,
  ctx: CommitmentContext,
  reason: (field: string, confidence: Confidence, words: string[], zh: string, en: string) => void,
): ItemUse {
  const sure = matchConfidence(match);
  if (match && sure) {
    reason("items", sure, [phrase], `统计项「${match.item.zh}」`, `reported item ${match.item.key}`);
    return use(role, match.item.key, match.item.zh, match);
  }
  const key = ctx.propose({ zh: phrase, flow, unitWord, partOf });
  reason(
    "items",
    "low",
    [phrase],
    `统计项中没有「${phrase}」：提议新增`,
    `no reported item for “${phrase}”: proposed`,
  );
  return { role, key, zh: phrase, proposed: true, score: null };
}

/** Items that are totals (not a "其中" part), optionally of one flow. */
function totals(catalogue: readonly CatalogueItem[], flow?: "flow" | "stock"): CatalogueItem[] {
  return catalogue.filter((i) => !i.partOf && (!flow || i.flow === flow));
}

function denominatorName(found: Found): string {
  if (found.parent) return found.parent;
  const rate = /^(.+?)就业率$/.exec(found.subject);
  return rate ? `${rate[1]}人数` : `${found.subject}（分母）`;
}

function numeratorName(found: Found): string {
  if (found.parent && found.child) return `${found.parent}中${found.child}`;
  const rate = /^(.+?)就业率$/.exec(found.subject);
  return rate ? `${rate[1]}中已就业人数` : `${found.subject}（分子）`;
}

/** The plan's unit of count: from the counting word, the matched item, or what is counted. */
function planUnit(
  found: Found,
  items: ItemUse[],
  catalogue: readonly CatalogueItem[],
  kind: MetricKind,
): string {
  if (kind === "ratio" || kind === "deadline" || found.unitWord === "%") return "share";
  if (found.unit?.plan) return found.unit.plan;
  if (found.unitWord === "亿元") return "100m_cny";
  const item = catalogue.find((c) => c.key === items[0]?.key);
  if (found.unitWord === "个" || found.unitWord === "") {
    if (POST_WORDS.test(found.subject)) return "posts";
    if (VILLAGE_WORDS.test(found.subject)) return "villages";
    if (item?.unitOfCount) return item.unitOfCount;
  }
  if (found.unitWord === "" && item?.unitOfCount) return item.unitOfCount;
  return found.unitWord || "persons";
}
