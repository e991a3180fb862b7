/**
 * The shape of a draft plan: what `jobtrack plan draft` finds in a policy text. Every guess the
 * drafter makes carries how sure it is and the words that decided it, so a person can check the
 * unsure ones against the policy instead of reading the whole text again.
 */
import type { Direction, MetricKind } from "../reportTypes.ts";

export type Confidence = "high" | "medium" | "low";
export type Judged = "pace" | "by_due" | "always";

/** One guess: which field, how sure, and why (the policy's words that decided it). */
export interface Reason {
  field: string;
  confidence: Confidence;
  /** The words of the sentence (or of the catalogue) the guess rests on. */
  words: string[];
  zh: string;
  en: string;
}

/** A reported item a commitment reads: an existing catalogue item, or a proposed new one. */
export interface ItemUse {
  role: "indicator" | "numerator" | "denominator" | "case_category";
  key: string;
  zh: string;
  proposed: boolean;
  /** How closely the catalogue name matched the sentence (1 = the same words); null for proposals. */
  score: number | null;
}

/** A new reported item the commitment needs and the catalogue lacks. */
export interface ProposedItem {
  key: string;
  zh: string;
  flow: "flow" | "stock";
  /** The counting word of the policy (人, 个, 户, %, 亿元 …). */
  unitWord: string;
  partOf: string | null;
}

interface TargetSource {
  kind: "policy" | "assigned";
  note: string | null;
}

export interface Commitment {
  id: string;
  name: { zh: string; en: string };
  /** The policy sentence, as the policy words it. */
  quote: string;
  section: string | null;
  /** The responsible bodies of the sentence's section; the first named leads. */
  responsible: string[];
  /** The figure: a plain number (80% → 0.8, 4万人 → 40000, 80亿元 → 80 with unitWord 亿元); null when the policy defers it. */
  target: number | null;
  /** The policy's counting word: 人, 个, 户, %, 亿元 … */
  unitWord: string;
  /** The plan's unit of count: persons, posts, villages, 100m_cny, share, or the policy word when none fits. */
  unitOfCount: string;
  direction: Direction;
  kind: MetricKind;
  judged: Judged;
  tolerance: number | null;
  starts: string | null;
  due: string | null;
  targetSource: TargetSource;
  /** `previous_year` where the target is last year's total (不低于上年水平): the plan's `target_from`. */
  targetFrom: "previous_year" | null;
  items: ItemUse[];
  /** The unit kinds that keep a deadline metric's ledger. */
  reporters: string[] | null;
  confidence: Confidence;
  /** Fields whose guess is not sure (medium or low). */
  unsure: string[];
  why: Reason[];
  /** The words of the sentence that state the commitment (for summaries). */
  clause: string;
}

/** Money the policy names without a target: tracked without a figure to reach. */
export interface Fund {
  quote: string;
  section: string | null;
  responsible: string[];
  words: string[];
  amounts: { value: number; unitWord: string }[];
}

/** A deliverable without a number (建成…园区): listed apart, judged done or not. */
export interface Milestone {
  quote: string;
  section: string | null;
  responsible: string[];
  what: string;
  confidence: Confidence;
}

export interface DraftHeader {
  id: string;
  name: { zh: string; en: string };
  district: string | null;
  document: string | null;
  title: string | null;
  period: { first: string; last: string };
  /** Where the policy text was read from, as given. */
  policy: string;
  /** Whether the text was converted from traditional characters. */
  converted: boolean;
  why: Reason[];
}

export interface Draft {
  plan: DraftHeader;
  commitments: Commitment[];
  funds: Fund[];
  milestones: Milestone[];
  proposedItems: ProposedItem[];
  /** The catalogue the metrics' items were matched against (a plan's `catalogue:`), if known. */
  catalogueFile: string | null;
}
