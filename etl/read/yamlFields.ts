/**
 * Reading the fields of a YAML data file with their line numbers: each accessor checks one field
 * and, when it is wrong, records a finding that names the file, the line and the field path in
 * Chinese and English. Shared by the plan reader and the catalogue reader, which differ only in
 * what they call their file (目标计划, 统计项目录) and the finding's code.
 */
import { isMap, isScalar, isSeq, type LineCounter, type Node, type Pair, type YAMLMap } from "yaml";
import type { Finding } from "../../core/finding.ts";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** What a kind of data file is called in messages, and the code of its findings. */
interface YamlFileKind {
  zh: string;
  en: string;
  code: string;
}

export class YamlFields {
  readonly findings: Finding[] = [];

  constructor(
    private readonly kind: YamlFileKind,
    private readonly fileName: string,
    private readonly lines: LineCounter,
  ) {}

  lineOf(node: Node | Pair | null | undefined): number | null {
    const range =
      node && "range" in node ? node.range : node && "key" in node ? (node.key as Node)?.range : null;
    return range ? this.lines.linePos(range[0]).line : null;
  }

  /** Records a problem at a node (or at the line given). */
  problem(at: Node | Pair | number | null | undefined, path: string, zh: string, en: string): void {
    const line = typeof at === "number" ? at : this.lineOf(at);
    const where = line === null ? "" : `第 ${line} 行，`;
    const whereEn = line === null ? "" : ` line ${line},`;
    this.findings.push({
      row: line,
      column: path,
      code: this.kind.code,
      zh: `${this.kind.zh} ${this.fileName} ${where}字段 ${path}：${zh}`,
      en: `${this.kind.en} ${this.fileName}${whereEn} field ${path}: ${en}`,
    });
  }

  /** The map at a node, or null (with a finding) when it is something else. */
  map(node: Node | null | undefined, path: string): YAMLMap | null {
    if (isMap(node)) return node;
    this.problem(node, path, "应为键值表（映射）。", "must be a mapping of keys to values.");
    return null;
  }

  /** The value node of a key, or undefined. */
  get(map: YAMLMap, key: string): Node | undefined {
    const pair = this.pair(map, key);
    return (pair?.value as Node | null) ?? undefined;
  }

  pair(map: YAMLMap, key: string): Pair | undefined {
    return (map.items as Pair[]).find((p) => isScalar(p.key) && String(p.key.value) === key);
  }

  has(map: YAMLMap, key: string): boolean {
    const value = this.get(map, key);
    return value !== undefined && !(isScalar(value) && value.value === null);
  }

  /** Flags keys not in `allowed` (a typo would otherwise be silently ignored). */
  onlyKeys(map: YAMLMap, allowed: readonly string[], path: string): void {
    for (const pair of map.items as Pair[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "?";
      if (!allowed.includes(key)) {
        this.problem(
          pair.key as Node,
          join(path, key),
          `未知字段；可用字段为 ${allowed.join("、")}。`,
          `unknown field; the fields are ${allowed.join(", ")}.`,
        );
      }
    }
  }

  /** A required field: records "missing" at the map's line when absent. */
  required(map: YAMLMap, key: string, path: string): Node | undefined {
    if (this.has(map, key)) return this.get(map, key);
    this.problem(map, join(path, key), "缺少此必填字段。", "this field is required and missing.");
    return undefined;
  }

  string(node: Node | undefined, path: string): string | null {
    if (node === undefined) return null;
    if (isScalar(node) && typeof node.value === "string" && node.value.trim()) return node.value.trim();
    if (isScalar(node) && typeof node.value === "number") return String(node.value);
    this.problem(node, path, "应为非空文字。", "must be non-empty text.");
    return null;
  }

  number(
    node: Node | undefined,
    path: string,
    check: { min?: number; above?: number; max?: number; integer?: boolean },
  ) {
    if (node === undefined) return null;
    const value = isScalar(node) ? node.value : undefined;
    const ok =
      typeof value === "number" &&
      Number.isFinite(value) &&
      (check.min === undefined || value >= check.min) &&
      (check.above === undefined || value > check.above) &&
      (check.max === undefined || value <= check.max) &&
      (!check.integer || Number.isInteger(value));
    if (ok) return value as number;
    const zh = [
      check.integer ? "整数" : "数",
      check.min !== undefined ? `，不小于 ${check.min}` : "",
      check.above !== undefined ? `，大于 ${check.above}` : "",
      check.max !== undefined ? `，不大于 ${check.max}` : "",
    ].join("");
    const en = [
      check.integer ? "a whole number" : "a number",
      check.min !== undefined ? ` of at least ${check.min}` : "",
      check.above !== undefined ? ` above ${check.above}` : "",
      check.max !== undefined
        ? `${check.min !== undefined || check.above !== undefined ? " and" : ""} at most ${check.max}`
        : "",
    ].join("");
    this.problem(
      node,
      path,
      `应为${zh}（现为 ${show(value, "zh")}）。`,
      `must be ${en} (is ${show(value)}).`,
    );
    return null;
  }

  month(node: Node | undefined, path: string): string | null {
    if (node === undefined) return null;
    const value = isScalar(node) ? String(node.value) : "";
    if (MONTH.test(value)) return value;
    this.problem(
      node,
      path,
      `应为 YYYY-MM 格式的月份（现为 ${show(value, "zh")}）。`,
      `must be a month as YYYY-MM (is ${show(value)}).`,
    );
    return null;
  }

  oneOf<T extends string>(node: Node | undefined, path: string, values: readonly T[]): T | null {
    if (node === undefined) return null;
    const value = isScalar(node) ? String(node.value) : "";
    if ((values as readonly string[]).includes(value)) return value as T;
    this.problem(
      node,
      path,
      `应为 ${values.join("、")} 之一（现为 ${show(value, "zh")}）。`,
      `must be one of ${values.join(", ")} (is ${show(value)}).`,
    );
    return null;
  }

  /** A non-empty list of texts. */
  strings(node: Node | undefined, path: string): string[] | null {
    if (node === undefined) return null;
    if (!isSeq(node) || node.items.length === 0) {
      this.problem(node, path, "应为非空列表。", "must be a non-empty list.");
      return null;
    }
    const out: string[] = [];
    node.items.forEach((item, i) => {
      const s = this.string(item as Node, `${path}[${i}]`);
      if (s !== null) out.push(s);
    });
    return out.length === node.items.length ? out : null;
  }

  /** The pairs of a mapping with their keys as text. */
  entries(map: YAMLMap): { key: string; pair: Pair; value: Node | undefined }[] {
    return (map.items as Pair[]).map((pair) => ({
      key: isScalar(pair.key) ? String(pair.key.value) : "",
      pair,
      value: (pair.value as Node | null) ?? undefined,
    }));
  }
}

export function join(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

function show(value: unknown, lang: "zh" | "en" = "en"): string {
  if (value === undefined || value === null || value === "") return lang === "zh" ? "空" : "empty";
  return typeof value === "string" ? `"${value}"` : String(value);
}
