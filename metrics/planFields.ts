/**
 * The plan reader's field accessors: the shared YAML field reader (etl/read/yamlFields.ts), its
 * findings worded for a plan file (目标计划 …, code `bad_plan`).
 */
import type { LineCounter } from "yaml";
import { YamlFields } from "../etl/read/yamlFields.ts";

export { join } from "../etl/read/yamlFields.ts";

const PLAN_FILE = { zh: "目标计划", en: "Plan", code: "bad_plan" };

export class PlanFields extends YamlFields {
  constructor(fileName: string, lines: LineCounter) {
    super(PLAN_FILE, fileName, lines);
  }
}
