/**
 * Writing allocations into a plan file — pure, text in and text out: each metric's entry under
 * `allocations` becomes `{ source: { kind: assigned, note, document }, units: { code: target } }`.
 * Only those entries' lines change (they are replaced where they stand, or added at the end of
 * `allocations`); every other line of the file — comments, layout, the other metrics — stays
 * byte for byte, so the file remains one a person wrote and can read. The caller parses the
 * result again.
 */
import {
  Document,
  isMap,
  isScalar,
  type Node,
  type Pair,
  parseDocument,
  type Scalar,
  type YAMLMap,
} from "yaml";
import type { LocalText } from "../core/lang.ts";

interface AllocationSource {
  note: LocalText;
  document: string | null;
}

/** One metric's entry as YAML lines, indented under `allocations:`. */
function entryText(metric: string, units: Record<string, number>, source: AllocationSource): string {
  const doc = new Document({
    [metric]: {
      source: {
        kind: "assigned",
        note: { zh: source.note.zh, en: source.note.en },
        ...(source.document ? { document: source.document } : {}),
      },
      units,
    },
  });
  const unitMap = doc.getIn([metric, "units"], true);
  // unit codes stay text (310118001 read bare would be a number)
  if (isMap(unitMap)) for (const pair of unitMap.items) (pair.key as Scalar).type = "QUOTE_DOUBLE";
  return doc
    .toString({ lineWidth: 0 })
    .trimEnd()
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : "";
}

/** The offset of the start of the line holding `offset`. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** The offset just past the line holding `offset` (its newline included). */
function lineEnd(text: string, offset: number): number {
  const end = text.indexOf("\n", Math.max(0, offset - 1));
  return end < 0 ? text.length : end + 1;
}

export function withAllocations(
  planText: string,
  allocations: Record<string, Record<string, number>>,
  source: AllocationSource,
): string {
  const doc = parseDocument(planText);
  const node = doc.get("allocations", true) as Node | undefined;
  const existing = isMap(node) ? (node as YAMLMap) : null;
  const edits: { start: number; end: number; text: string }[] = [];
  const added: string[] = [];
  for (const [metric, units] of Object.entries(allocations)) {
    const text = `${entryText(metric, units, source)}\n`;
    const pair = existing?.items.find((p) => keyOf(p as Pair) === metric) as Pair | undefined;
    const keyRange = (pair?.key as Node | undefined)?.range;
    const valueRange = (pair?.value as Node | undefined)?.range;
    if (keyRange && valueRange) {
      edits.push({ start: lineStart(planText, keyRange[0]), end: lineEnd(planText, valueRange[1]), text });
    } else added.push(text);
  }
  let out = planText;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  if (added.length === 0) return out;
  if (!existing) return `${out.endsWith("\n") ? out : `${out}\n`}allocations:\n${added.join("")}`;
  // after the last entry of allocations (its end moves by the edits made before it)
  const last = existing.items[existing.items.length - 1] as Pair;
  const lastEnd = lineEnd(planText, (last.value as Node).range?.[1] ?? planText.length);
  const shift = edits
    .filter((e) => e.start < lastEnd)
    .reduce((s, e) => s + e.text.length - (e.end - e.start), 0);
  const at = lastEnd + shift;
  return out.slice(0, at) + added.join("") + out.slice(at);
}
