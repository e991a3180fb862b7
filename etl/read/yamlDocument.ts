/**
 * A YAML data file's top mapping, with the field reader that reads it: every syntax error is
 * reported by its line first (and stops the reading), then the top is checked to be a mapping.
 * The plan reader, the catalogue reader and `plan check`'s reading of a plan all start here.
 */
import { LineCounter, type Node, parseDocument, type YAMLMap } from "yaml";
import { DataError } from "../../core/finding.ts";
import type { YamlFields } from "./yamlFields.ts";

export function yamlDocument<F extends YamlFields>(
  text: string,
  fields: (lines: LineCounter) => F,
  rootPath: string,
): { f: F; root: YAMLMap } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const f = fields(lines);
  for (const error of doc.errors) {
    const line = error.pos ? lines.linePos(error.pos[0]).line : null;
    f.problem(line, "(YAML)", `YAML 格式错误：${error.message}`, `YAML syntax error: ${error.message}`);
  }
  if (doc.errors.length) throw new DataError(f.findings);
  const root = f.map(doc.contents as Node, rootPath);
  if (!root) throw new DataError(f.findings);
  return { f, root };
}
