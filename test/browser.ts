/**
 * Debian's Chromium for the browser tests. Where it is absent the tests say so loudly and skip —
 * unless JOBTRACK_REQUIRE_BROWSER=1 (set by .ci/run), which makes its absence a failure.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const chromiumPresent = existsSync(CHROMIUM);
const browserRequired = process.env.JOBTRACK_REQUIRE_BROWSER === "1";

/** Call once at the top of a browser test file; returns whether its tests should run. */
export function browserAvailable(what: string): boolean {
  if (!chromiumPresent && !browserRequired) {
    console.warn(
      `SKIPPED: Chromium not found at ${CHROMIUM}; ${what} did not run. Install Debian's chromium package, or set JOBTRACK_REQUIRE_BROWSER=1 to make its absence a failure.`,
    );
  }
  return chromiumPresent || browserRequired;
}

export function launchChromium(): Promise<Browser> {
  if (!chromiumPresent)
    throw new Error(`Chromium is required (JOBTRACK_REQUIRE_BROWSER=1) but ${CHROMIUM} is absent.`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
