/**
 * The one-page brief as PDF, printed by headless Chromium (Debian's `chromium`) from the built
 * site. Chromium is looked for at CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

function findChromium(env: Record<string, string | undefined> = process.env): string | null {
  const candidates = [env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
    Boolean,
  ) as string[];
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** Prints `htmlFile` to `pdfFile`; returns false when no Chromium is installed. */
export function printPdf(htmlFile: string, pdfFile: string, chromium = findChromium()): boolean {
  if (!chromium) return false;
  const profile = mkdtempSync(join(tmpdir(), "jobtrack-chromium-"));
  try {
    const result = spawnSync(
      chromium,
      [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        `--user-data-dir=${profile}`,
        "--no-pdf-header-footer",
        `--print-to-pdf=${pdfFile}`,
        pathToFileURL(htmlFile).href,
      ],
      { encoding: "utf8", timeout: 60_000 },
    );
    if (result.status !== 0 || !existsSync(pdfFile)) {
      throw new Error(
        `chromium could not print the brief: ${(result.stderr ?? "").split("\n").slice(-3).join(" ")}`,
      );
    }
    return true;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
