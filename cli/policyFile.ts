/**
 * Reading a policy document (IO): `.txt` and `.md` as text (UTF-8 or GB18030, as Windows saves
 * them), `.docx` through mammoth with its headings and bold runs kept. A missing file or another
 * extension is a usage error (exit 2); a file that cannot be read as what it claims is rejected
 * input (exit 1).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, resolve } from "node:path";
import * as OpenCC from "opencc-js/t2cn";
import { decodeText } from "../etl/read/decode.ts";
import { htmlPolicyText } from "../metrics/draft/htmlPolicyText.ts";
import type { Simplifier } from "../metrics/draft/plainText.ts";
import { CliError, usageError } from "./cliError.ts";

/** A policy is a few dozen pages; anything far larger is not one. */
const MAX_POLICY_BYTES = 20 * 1024 * 1024;
const POLICY_EXTENSIONS = [".txt", ".md", ".docx"] as const;

export async function readPolicy(cwd: string, path: string): Promise<string> {
  const full = resolve(cwd, path);
  if (!existsSync(full) || !statSync(full).isFile()) {
    throw usageError(`找不到政策文件：${path}`, `No such policy file: ${path}`);
  }
  const ext = extname(full).toLowerCase();
  if (!(POLICY_EXTENSIONS as readonly string[]).includes(ext)) {
    throw usageError(
      `政策文件须为 .txt、.md 或 .docx（现为 ${ext || "无扩展名"}）：${path}`,
      `A policy file must be .txt, .md or .docx (this is ${ext || "without an extension"}): ${path}`,
    );
  }
  if (statSync(full).size > MAX_POLICY_BYTES) {
    throw new CliError(
      1,
      `政策文件超过 ${MAX_POLICY_BYTES / 1024 / 1024} MB，不像一份政策文件：${path}`,
      `The policy file is over ${MAX_POLICY_BYTES / 1024 / 1024} MB, too large for a policy: ${path}`,
    );
  }
  const bytes = readFileSync(full);
  if (ext !== ".docx") return decodeText(bytes).text;
  // mammoth is loaded only for Word files: most policies arrive as text
  const { default: mammoth } = await import("mammoth");
  try {
    const { value } = await mammoth.convertToHtml({ buffer: bytes });
    return htmlPolicyText(value);
  } catch {
    throw new CliError(
      1,
      `无法读取 Word 文件（不是有效的 .docx）：${path}`,
      `Cannot read the Word file (not a valid .docx): ${path}`,
    );
  }
}

/** Traditional → simplified as used in the mainland, Hong Kong variants included (OpenCC hk → cn). */
export function simplifier(): Simplifier {
  return OpenCC.Converter({ from: "hk", to: "cn" });
}
