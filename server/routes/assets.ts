/**
 * The scripts and stylesheet of the site, for anyone signed in. They hold no data, but the pages
 * answered before signing in need none of them (their style is inline), so nothing the server
 * answers is open besides the health check and signing in and out: one rule, no exceptions.
 * - `/assets/site.css`, `/assets/app.js`: the site's one stylesheet and enhancement script, the
 *   same text the build writes into the dashboard's `assets/` (so the server's pages have them
 *   before any build), revalidated by ETag on every use;
 * - `/assets/portal/<file>`: server/assets/ (a fixed list), revalidated by ETag on every use;
 *   `uploadChecks.js` is the precheck bundled from the ingest's own rules (server/precheck/);
 * - `/assets/vendor/<package>@<version>/<file>`: the browser bundles of papaparse and exceljs
 *   from node_modules, cached for a year (the version in the address changes on an upgrade).
 * Nothing comes from a CDN; the CSP's `script-src 'self'` holds.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Response, Router } from "express";
import { APP_JS } from "../../dashboard/assets/appJs.ts";
import { SITE_CSS } from "../../dashboard/assets/siteCss.ts";
import { ALL_ROLES, requireRole } from "../auth.ts";
import { precheckBundle } from "../precheck/bundle.ts";

const ASSET_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");
const require = createRequire(import.meta.url);

const PORTAL_FILES: Record<string, string> = {
  "portal.js": "text/javascript; charset=utf-8",
  "upload.js": "text/javascript; charset=utf-8",
  "sql.js": "text/javascript; charset=utf-8",
  "audit.js": "text/javascript; charset=utf-8",
  "escapeControls.js": "text/javascript; charset=utf-8",
  "admin.js": "text/javascript; charset=utf-8",
};

const VENDOR = [
  { pkg: "papaparse", file: "papaparse.min.js" },
  { pkg: "exceljs", file: "dist/exceljs.min.js" },
] as const;

type VendorName = (typeof VENDOR)[number]["pkg"];

interface Asset {
  body: Buffer;
  type: string;
}

function vendorVersion(pkg: string): string {
  return (require(`${pkg}/package.json`) as { version: string }).version;
}

/** The address a vendor bundle is served at, e.g. /assets/vendor/papaparse@5.7.1/papaparse.min.js. */
export function vendorUrl(pkg: VendorName): string {
  const entry = VENDOR.find((v) => v.pkg === pkg)!;
  return `/assets/vendor/${pkg}@${vendorVersion(pkg)}/${entry.file.split("/").pop()}`;
}

export function portalAssetUrl(file: keyof typeof PORTAL_FILES | string): string {
  return `/assets/portal/${file}`;
}

export function assetsRouter(): Router {
  const router = Router();
  // read lazily, once: a page that is never opened costs nothing (exceljs is about 1 MB)
  const cache = new Map<string, Asset>();
  const load = (key: string, read: () => Asset): Asset => {
    let asset = cache.get(key);
    if (!asset) {
      asset = read();
      cache.set(key, asset);
    }
    return asset;
  };
  const send = (res: Response, asset: Asset, cacheControl: string) => {
    res.set("Cache-Control", cacheControl).type(asset.type).send(asset.body);
  };

  const signedIn = requireRole(...ALL_ROLES);

  // bundled when first asked for, once; a failed build is tried again on the next request
  let precheck: Promise<Asset> | null = null;
  router.get("/assets/portal/uploadChecks.js", signedIn, async (_req, res) => {
    precheck ??= precheckBundle().then((body) => ({ body, type: "text/javascript; charset=utf-8" }));
    try {
      send(res, await precheck, "no-cache");
    } catch (error) {
      precheck = null;
      throw error;
    }
  });
  const site: Record<string, Asset> = {
    "/assets/site.css": { body: Buffer.from(SITE_CSS), type: "text/css; charset=utf-8" },
    "/assets/app.js": { body: Buffer.from(APP_JS), type: "text/javascript; charset=utf-8" },
  };
  for (const [url, asset] of Object.entries(site)) {
    router.get(url, signedIn, (_req, res) => send(res, asset, "no-cache"));
  }

  router.get("/assets/portal/:file", signedIn, (req, res, next) => {
    const file = String(req.params.file);
    const type = Object.hasOwn(PORTAL_FILES, file) ? PORTAL_FILES[file] : undefined;
    if (!type) {
      next();
      return;
    }
    send(
      res,
      load(`portal/${file}`, () => ({ body: readFileSync(join(ASSET_DIR, file)), type })),
      "no-cache",
    );
  });

  for (const { pkg, file } of VENDOR) {
    const url = vendorUrl(pkg);
    router.get(url, signedIn, (_req, res) => {
      send(
        res,
        load(url, () => ({
          body: readFileSync(require.resolve(`${pkg}/${file}`)),
          type: "text/javascript; charset=utf-8",
        })),
        "public, max-age=31536000, immutable",
      );
    });
  }
  return router;
}
