/**
 * The plan-level guesses of a draft: the document number (青府规发〔2022〕4号), the district, the
 * year and the plan's period (a range in the title, “十四五”, or the year the targets name), an id
 * and a name. A policy usually states all of these on its first lines; what it does not state is
 * marked unsure like any other guess.
 */
import type { DraftHeader, Reason } from "./draftTypes.ts";
import type { PolicyOutline } from "./policySentences.ts";

/** 青府规发〔2022〕4号 · 沪府规〔2022〕6号 · 西安市政办发〔2022〕31号 (brackets of any width). */
const DOCUMENT_NUMBER = /[\p{Script=Han}]{1,10}[〔［[(（]\s*(\d{4})\s*[〕］\])）]\s*\d+\s*[号號]/u;
const DATE = /(\d{4})\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日/;
const RANGE = /(\d{4})\s?[—–\-－至到~]\s?(\d{4})\s?年/;
const DISTRICT = /([\p{Script=Han}]{1,6}?(?:区|县|市|旗|镇|特别行政区))(?:人民政府|政府|人力资源)/u;

interface HeaderInput {
  outline: PolicyOutline;
  /** The whole text, simplified and half-width (for numbers and dates). */
  plain: string;
  /** The years the commitments' sentences name (2022年 …), for the period. */
  targetYears: number[];
  policy: string;
  fileName: string;
  converted: boolean;
  /** This year, for a policy that names no year. */
  year: number;
}

export function draftHeader(input: HeaderInput): DraftHeader & { documentYear: number | null } {
  const { outline, plain } = input;
  const why: Reason[] = [];
  const reason = (field: string, confidence: Reason["confidence"], words: string[], zh: string, en: string) =>
    why.push({ field, confidence, words, zh, en });

  const ownLine = plain.split("\n").find((line) => DOCUMENT_NUMBER.test(line) && line.trim().length <= 30);
  const numberMatch = DOCUMENT_NUMBER.exec(ownLine ?? "") ?? DOCUMENT_NUMBER.exec(plain);
  const document = numberMatch ? numberMatch[0].replace(/\s+/g, "") : null;
  if (!document) reason("document", "low", [], "未找到文号", "no document number found");
  const dateYear = DATE.exec(plain)?.[1];
  const documentYear = numberMatch ? Number(numberMatch[1]) : dateYear ? Number(dateYear) : null;

  const title = outline.title;
  const titlePlain = title ? title.replace(/\s+/g, "") : "";
  const range = RANGE.exec(titlePlain);
  const plan14 = /十四五/.test(titlePlain) || (!range && /“十四五”期间/.test(plain));
  let first: number;
  let last: number;
  if (range) {
    first = Number(range[1]);
    last = Number(range[2]);
    reason("period", "high", [range[0]], `标题中的“${range[0]}”`, `“${range[0]}” in the title`);
  } else if (plan14) {
    first = 2021;
    last = 2025;
    reason(
      "period",
      "high",
      ["十四五"],
      "“十四五”时期（2021—2025年）",
      "the 14th five-year period (2021–2025)",
    );
  } else if (input.targetYears.length) {
    const year = mostCommon(input.targetYears);
    first = year;
    last = year;
    reason("period", "high", [`${year}年`], `目标所写的年份${year}年`, `the year the targets name, ${year}`);
  } else if (documentYear) {
    first = documentYear;
    last = documentYear;
    reason(
      "period",
      "medium",
      [String(documentYear)],
      "取发文年份为计划年度",
      "the year of the document is taken as the plan's year",
    );
  } else {
    first = last = input.year;
    reason(
      "period",
      "low",
      [],
      "原文未写年份：暂取今年，请核对",
      "the policy names no year: this year is taken, check it",
    );
  }

  const districtMatch = DISTRICT.exec(title ? title.replace(/^.*?(?:省|自治区)/, "") : plain.slice(0, 400));
  const district = districtMatch ? lastPart(districtMatch[1]) : null;
  if (!district) reason("district", "low", [], "未找到地区名称", "no district named");

  const id = planId(input.fileName, first);
  reason("id", "medium", [input.fileName], "计划编号取自文件名", "the plan id is taken from the file name");
  const years = first === last ? `${first}年` : `${first}—${last}年`;
  const name = {
    zh: `${district ?? ""}${years}就业目标`,
    en: `Employment targets ${first === last ? first : `${first}–${last}`}`,
  };
  reason("name", "medium", [], "计划名称为拟定，请核对", "the plan's name is made up: check it");

  return {
    id,
    name,
    district,
    document,
    title,
    period: { first: `${first}-01`, last: `${last}-12` },
    policy: input.policy,
    converted: input.converted,
    why,
    documentYear,
  };
}

/** 上海市青浦区 → 青浦区: the smallest named place. */
function lastPart(place: string): string {
  const parts = place.match(/[^省市]+?(?:区|县|市|旗|镇|特别行政区)/g);
  return parts ? parts[parts.length - 1] : place;
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
}

/** A plan id from the file name: lowercase letters, digits and dashes (qingpu-2022-policy). */
function planId(fileName: string, year: number): string {
  const stem = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  const slug = stem
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || `plan-${year}`;
}
