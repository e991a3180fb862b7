/**
 * The upload page's precheck for the browser: server/precheck/uploadChecks.ts and the etl/ modules
 * it imports, bundled by esbuild into one ES module in memory (no file is written, nothing is
 * fetched). The assets route builds it once, when the page first asks, and serves it like the
 * other portal scripts.
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ENTRY = fileURLToPath(new URL("./uploadChecks.ts", import.meta.url));

export async function precheckBundle(): Promise<Buffer> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    legalComments: "none",
  });
  return Buffer.from(result.outputFiles[0].contents);
}
