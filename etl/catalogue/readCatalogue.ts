/**
 * The catalogue reader: YAML text → Catalogue, or a DataError listing every problem with its line
 * and field (the same field reader as plan files, etl/read/yamlFields.ts). The file's format is in
 * docs/catalogue.md. `{year}` in a name, alias or description is the plan's year, so one file can
 * serve several years and no year's wording is carried into another. Pure: the text comes in.
 */
import { isScalar, isSeq, type Node, type YAMLMap } from "yaml";
import { type Catalogue, type Indicator, UNITS_OF_COUNT } from "../../core/catalogue.ts";
import { DataError } from "../../core/finding.ts";
import type { LocalText } from "../../core/lang.ts";
import { headerKey } from "../normalize/indicatorName.ts";
import { yamlDocument } from "../read/yamlDocument.ts";
import { join, YamlFields } from "../read/yamlFields.ts";
import { catalogueOf } from "./catalogueOf.ts";

const CATALOGUE_FILE = { zh: "统计项目录", en: "Catalogue", code: "bad_catalogue" };
const ITEM_KEYS = [
  "key",
  "zh",
  "en",
  "description",
  "unit",
  "flow",
  "reporters",
  "max",
  "decimals",
  "ytd",
  "aliases",
  "part_of",
  "subsidy",
  "serves",
] as const;
const KEY = /^[a-z][a-z0-9_]{0,62}$/;
/** Names that are columns of every template (unit, month, and the long layout's two). */
const RESERVED = new Set(["unit", "month", "indicator", "value"]);
/** Positions are kept in 16-bit slots (two per item) by the ingest. */
const MAX_ITEMS = 1000;
const MAX_DECIMALS = 6;
const PLACEHOLDER = /\{([^{}]*)\}/g;

interface CatalogueOptions {
  /** The plan's year, for `{year}`. */
  year: number;
}

export function parseCatalogue(text: string, fileName: string, options: CatalogueOptions): Catalogue {
  const { f, root } = yamlDocument(
    text,
    (lines) => new YamlFields(CATALOGUE_FILE, fileName, lines),
    "(catalogue)",
  );
  f.onlyKeys(root, ["items"], "");
  const list = f.required(root, "items", "");
  const items: Indicator[] = [];
  const lineOf = new Map<Indicator, Node>();
  if (list !== undefined) {
    if (!isSeq(list)) f.problem(list, "items", "应为统计项的列表。", "must be a list of items.");
    else {
      if (list.items.length > MAX_ITEMS)
        f.problem(list, "items", `统计项不能多于 ${MAX_ITEMS} 个。`, `at most ${MAX_ITEMS} items.`);
      list.items.forEach((node, i) => {
        const item = itemOf(f, node as Node, `items[${i}]`, options);
        if (item) {
          items.push(item);
          lineOf.set(item, node as Node);
        }
      });
    }
  }
  crossCheck(f, items, lineOf);
  if (f.findings.length) throw new DataError(f.findings);
  return catalogueOf(items, fileName);
}

function filled(f: YamlFields, node: Node | undefined, path: string, year: number): string | null {
  const text = f.string(node, path);
  if (text === null) return null;
  let bad: string | null = null;
  const out = text.replace(PLACEHOLDER, (whole, name: string) => {
    if (name === "year") return String(year);
    bad ??= whole;
    return whole;
  });
  if (bad !== null) {
    f.problem(
      node,
      path,
      `未知占位符 ${bad}；可用的只有 {year}（计划年度）。`,
      `unknown placeholder ${bad}; the only one is {year} (the plan's year).`,
    );
    return null;
  }
  return out;
}

function localText(f: YamlFields, node: Node | undefined, path: string, year: number): LocalText | null {
  const m = node === undefined ? null : f.map(node, path);
  if (!m) return null;
  f.onlyKeys(m, ["zh", "en"], path);
  const zh = filled(f, f.required(m, "zh", path), join(path, "zh"), year);
  const en = filled(f, f.required(m, "en", path), join(path, "en"), year);
  return zh !== null && en !== null ? { zh, en } : null;
}

function itemOf(f: YamlFields, node: Node, path: string, options: CatalogueOptions): Indicator | null {
  const m = f.map(node, path);
  if (!m) return null;
  const before = f.findings.length;
  f.onlyKeys(m, ITEM_KEYS, path);
  const keyNode = f.required(m, "key", path);
  const key = f.string(keyNode, join(path, "key"));
  if (key !== null && (!KEY.test(key) || key.endsWith("_ytd") || RESERVED.has(key))) {
    f.problem(
      keyNode,
      join(path, "key"),
      `应为小写英文字母开头、由小写字母、数字和下划线组成的代码，不以 _ytd 结尾，也不能是 ${[...RESERVED].join("、")}（现为 "${key}"）。`,
      `must be a code of lower-case letters, digits and underscores starting with a letter, not ending in _ytd and not one of ${[...RESERVED].join(", ")} (is "${key}").`,
    );
  }
  const year = options.year;
  const zh = filled(f, f.required(m, "zh", path), join(path, "zh"), year);
  const en = filled(f, f.required(m, "en", path), join(path, "en"), year);
  const description = f.has(m, "description")
    ? localText(f, f.get(m, "description"), join(path, "description"), year)
    : null;
  const unit = f.oneOf(
    f.required(m, "unit", path),
    join(path, "unit"),
    Object.keys(UNITS_OF_COUNT) as (keyof typeof UNITS_OF_COUNT)[],
  );
  const flow = f.oneOf(f.required(m, "flow", path), join(path, "flow"), ["flow", "stock"] as const);
  const reporters = f.strings(f.required(m, "reporters", path), join(path, "reporters"));
  const max = f.number(f.required(m, "max", path), join(path, "max"), { above: 0 });
  const decimals = f.has(m, "decimals")
    ? f.number(f.get(m, "decimals"), join(path, "decimals"), { min: 0, max: MAX_DECIMALS, integer: true })
    : 0;
  const ytd = ytdOf(f, m, path, flow);
  const aliases = f.has(m, "aliases")
    ? (f.strings(f.get(m, "aliases"), join(path, "aliases")) ?? []).map((a) =>
        a.replaceAll("{year}", String(year)),
      )
    : [];
  const text = (k: string) => (f.has(m, k) ? f.string(f.get(m, k), join(path, k)) : null);
  const subsetOf = text("part_of");
  if (f.findings.length > before) return null;
  return {
    key: key!,
    zh: zh!,
    en: en!,
    description,
    unit: unit!,
    unitOfCount: UNITS_OF_COUNT[unit!].code,
    flow: flow!,
    reporters: reporters!,
    ...(subsetOf === null ? {} : { subsetOf }),
    decimals: decimals!,
    max: max!,
    ytd,
    aliases,
    subsidy: text("subsidy"),
    serves: text("serves"),
  };
}

/** `ytd` defaults to true for a flow; a stock has no year-to-date form. */
function ytdOf(f: YamlFields, m: YAMLMap, path: string, flow: "flow" | "stock" | null): boolean {
  if (!f.has(m, "ytd")) return flow === "flow";
  const node = f.get(m, "ytd") as Node;
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value !== "boolean") {
    f.problem(node, join(path, "ytd"), "应为 true 或 false。", "must be true or false.");
    return false;
  }
  if (value && flow === "stock") {
    f.problem(
      node,
      join(path, "ytd"),
      "期末数（stock）没有累计数，不能为 true。",
      "a stock (month-end level) has no year-to-date form; it cannot be true.",
    );
    return false;
  }
  return value;
}

/** What only the whole list can show: repeated keys and headers, and references to other items. */
function crossCheck(f: YamlFields, items: Indicator[], lineOf: Map<Indicator, Node>): void {
  const keys = new Map<string, Indicator>();
  const names = new Map<string, Indicator>();
  items.forEach((item, i) => {
    const node = lineOf.get(item)!;
    const path = `items[${i}]`;
    const earlier = keys.get(item.key);
    if (earlier) {
      f.problem(
        node,
        join(path, "key"),
        `代码 ${item.key} 与前面的统计项重复。`,
        `the key ${item.key} is used by an earlier item.`,
      );
    }
    keys.set(item.key, item);
    for (const name of [item.zh, ...item.aliases]) {
      const other = names.get(headerKey(name));
      if (other && other !== item) {
        f.problem(
          node,
          join(path, "zh"),
          `表头“${name}”与统计项 ${other.key} 的表头相同，上报文件将无法区分。`,
          `the header "${name}" is also ${other.key}'s; a file could not tell them apart.`,
        );
      }
      names.set(headerKey(name), item);
    }
  });
  items.forEach((item, i) => {
    const node = lineOf.get(item)!;
    const path = `items[${i}]`;
    for (const [field, ref] of [
      ["part_of", item.subsetOf],
      ["serves", item.serves],
    ] as const) {
      if (ref === undefined || ref === null) continue;
      const other = keys.get(ref);
      if (!other || other === item) {
        f.problem(
          node,
          join(path, field),
          `目录中没有其他代码为 ${ref} 的统计项。`,
          `the catalogue has no other item ${ref}.`,
        );
      } else if (field === "part_of" && (other.flow !== item.flow || other.unit !== item.unit)) {
        f.problem(
          node,
          join(path, field),
          `“其中”项须与其总数 ${ref} 同为本月数或期末数、计量单位相同。`,
          `a part must have its total ${ref}'s flow or stock and unit of count.`,
        );
      }
    }
  });
}
