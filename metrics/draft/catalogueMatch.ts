/**
 * Matching the words of a commitment to the reported items of the catalogue (the columns of the
 * monthly report) and to the ledger's case categories. The catalogue is an input, so it can move
 * from code to a data file without touching the matcher. Names are compared after folding the
 * ways policies and templates word the same thing (人员/人数, 国有企业/国企, a trailing 数), by the
 * longest common subsequence of characters: policy wording inserts words (募集就业见习岗位 for
 * 新募集见习岗位数) far more often than it reorders them.
 */

/** One reported item, as the drafter needs it. */
export interface CatalogueItem {
  key: string;
  zh: string;
  en?: string;
  /** Other names the item goes by (from the catalogue file when it has them). */
  aliases: readonly string[];
  flow: "flow" | "stock";
  /** The total a "其中" item is part of. */
  partOf?: string | null;
  unitOfCount?: string;
}

/** One category of the case ledger (docs/contract.md §4). */
export interface CaseCategory {
  key: string;
  zh: string;
  en: string;
  aliases: readonly string[];
  /** The unit kinds that keep the ledger. */
  reporters: readonly string[];
}

export interface ItemMatch<T> {
  item: T;
  score: number;
  /** The next best score (0 when none), to tell a clear match from a toss-up. */
  runnerUp: number;
}

/** Ways of writing the same thing, folded before comparing (data; extend as policies need). */
const SYNONYMS: readonly [RegExp, string][] = [
  [/国有企业/g, "国企"],
  [/社会工作者/g, "社工"],
  [/工作人员/g, "人员"],
  [/人员|人数/g, "人"],
  [/就业见习/g, "见习"],
  [/村\(居\)|村居委|村\/居/g, "村居"],
];

/** Words at the start of a policy phrase that say how, not what. */
const MANNER = /^(?:加快|加大|推进|推动|全力|积极|大力|切实|进一步|努力|帮助|支持|鼓励)+/;

/** A name folded for comparison: no punctuation, parentheses or 其中, synonyms folded, no trailing 数. */
export function nameKey(name: string): string {
  let s = name.replace(/\([^)]*\)|（[^）]*）/g, "").replace(/[\s、/,，;；:：“”"「」]/g, "");
  s = s.replace(/^其中/, "").replace(MANNER, "");
  for (const [re, to] of SYNONYMS) s = s.replace(re, to);
  return s.replace(/(?:的)?(?:总数|总量|数量|金额|人次|数|额)$/, "").replace(/人$/, "");
}

/**
 * 2·LCS / (|a| + |b|): 1 for the same words, 0 for nothing in common — and 0 when either name
 * is mostly words the other lacks (新增残疾人就业 is not 新增就业岗位, though they share 新增就业).
 */
export function nameScore(a: string, b: string): number {
  return similarity(a, b, MIN_COVERAGE);
}

/** 2·LCS / (|a| + |b|) of the folded names, 0 when either name's share explained by the other is below `coverage`. */
export function similarity(a: string, b: string, coverage = 0): number {
  const x = nameKey(a);
  const y = nameKey(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const row = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= y.length; j++) {
      const above = row[j];
      row[j] = x[i - 1] === y[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
      diagonal = above;
    }
  }
  const common = row[y.length];
  if (common / x.length < coverage || common / y.length < coverage) return 0;
  return (2 * common) / (x.length + y.length);
}

/** The best-named candidate for a phrase, with its score and the runner-up's; null when none scores. */
export function bestMatch<T extends { zh: string; aliases: readonly string[] }>(
  phrase: string,
  candidates: readonly T[],
): ItemMatch<T> | null {
  const scored = candidates
    .map((item) => ({
      item,
      score: Math.max(nameScore(phrase, item.zh), ...item.aliases.map((a) => nameScore(phrase, a))),
    }))
    .sort((a, b) => b.score - a.score);
  if (!scored.length || scored[0].score === 0) return null;
  return { item: scored[0].item, score: scored[0].score, runnerUp: scored[1]?.score ?? 0 };
}

/** How sure a name match is: the same words or nearly (high), a fair part of them (medium), or none. */
export function matchConfidence(match: ItemMatch<unknown> | null): "high" | "medium" | null {
  if (!match || match.score < MEDIUM_MATCH) return null;
  return match.score >= HIGH_MATCH && match.score - match.runnerUp >= HIGH_MARGIN ? "high" : "medium";
}

/** Thresholds of nameScore; tested on the wordings in catalogueMatch.test.ts. */
const HIGH_MATCH = 0.72;
const MEDIUM_MATCH = 0.5;
const HIGH_MARGIN = 0.1;
/** The least share of each name the other must explain. */
const MIN_COVERAGE = 0.6;
