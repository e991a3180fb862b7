/**
 * A received file's name as it is kept and shown: in `v_submissions`, the history, the audit log,
 * the dashboard and backups, to every viewer. So it is cleaned once, where every way in (upload,
 * folder, URL, command line) meets: no folders; no control characters (a NUL, a line break, an
 * escape sequence); no invisible format characters, among them the bidirectional controls
 * (U+202E turns `exe.csv` round on screen) and zero-width ones; at most 200 characters. A
 * personal number in the name (a clerk's `张三13812345678.csv`) is masked — the name is a label,
 * and the data inside the file is checked on its own — and the caller says so in a warning.
 * Pure.
 */
import { maskPii } from "./pii.ts";

const UNSEEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const MAX_CHARS = 200;

interface StoredFileName {
  name: string;
  /** Whether a resident ID or mobile number was masked out of it. */
  masked: boolean;
}

export function storedFileName(raw: string, fallback: string): StoredFileName {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const visible = [...base.replace(UNSEEN, "").trim()].slice(0, MAX_CHARS).join("");
  const masked = maskPii(visible);
  return { name: (masked ?? visible) || fallback, masked: masked !== null };
}
